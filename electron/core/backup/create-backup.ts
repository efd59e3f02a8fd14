import { createCipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { assessPassphrase } from '../../../shared/domain/passphrase';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Vault } from '../vault/vault';
import {
  BACKUP_FORMAT,
  BACKUP_SCRYPT,
  backupKeyFrom,
  encodeHeader,
  sealDatabaseKey,
  type BackupHeader,
} from './backup-format';

export interface CreateBackupOptions {
  vault: Vault;
  db: Db;
  /** The store's own passphrase: making a copy that can leave the computer needs it again. */
  storePassphrase: string;
  backupPassphrase: string;
  outPath: string;
  now: Date;
}

export interface BackupResult {
  path: string;
  bytes: number;
  createdAt: string;
}

/**
 * Takes a consistent copy of the encrypted database file (WAL folded in first, writers held off
 * while the bytes are copied) and writes it, encrypted again under the backup passphrase, to
 * `outPath`. Nothing in plaintext touches the disk: the snapshot is the database's own ciphertext.
 */
export async function createBackup(o: CreateBackupOptions): Promise<BackupResult> {
  const strength = assessPassphrase(o.backupPassphrase);
  if (!strength.acceptable)
    throw new AppError('weak_passphrase', strength.feedback, { fields: { backupPassphrase: strength.feedback } });
  if (existsSync(o.outPath))
    throw new AppError(
      'conflict',
      'A file with that name already exists. Choose another name; nothing was overwritten.',
    );
  if (!existsSync(dirname(o.outPath)))
    throw new AppError('not_found', 'The folder for the backup does not exist. Choose another place.');

  const dbKey = await o.vault.databaseKeyFor(o.storePassphrase);
  const snapshot = join(o.vault.dataDir, `.backup-snapshot-${process.pid}.tmp`);
  const partial = `${o.outPath}.partial`;
  let backupKey: Buffer | null = null;
  try {
    snapshotDatabase(o.db, o.vault.databasePath, snapshot);
    const createdAt = o.now.toISOString();
    const salt = randomBytes(16).toString('base64');
    const kdf = { name: 'scrypt' as const, ...BACKUP_SCRYPT, salt };
    backupKey = await backupKeyFrom(o.backupPassphrase, kdf);
    const iv = randomBytes(12);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt,
      schemaVersion: o.db.pragma('user_version', { simple: true }) as number,
      kdf,
      key: sealDatabaseKey(backupKey, dbKey),
      body: { cipher: 'aes-256-gcm', iv: iv.toString('base64'), bytes: statSync(snapshot).size },
    };
    const headerBytes = encodeHeader(header);
    const cipher = createCipheriv('aes-256-gcm', backupKey, iv);
    cipher.setAAD(headerBytes);
    const fd = openSync(partial, 'wx', 0o600);
    try {
      writeSync(fd, headerBytes);
      for await (const chunk of createReadStream(snapshot)) writeSync(fd, cipher.update(chunk as Buffer));
      writeSync(fd, cipher.final());
      writeSync(fd, cipher.getAuthTag());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, o.outPath);
    return { path: o.outPath, bytes: statSync(o.outPath).size, createdAt };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    rmSync(snapshot, { force: true });
    dbKey.fill(0);
    backupKey?.fill(0);
  }
}

/** Copies the database file while no writer can change it; the WAL is emptied into it first. */
function snapshotDatabase(db: Db, databasePath: string, snapshot: string): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!result || result.busy !== 0 || result.log !== result.checkpointed) {
    throw new AppError(
      'conflict',
      'Another Heard window or command is using your records. Close it and try the backup again.',
    );
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    // Another process may have written between the checkpoint and the lock: then the file alone is not the whole store.
    const wal = `${databasePath}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      throw new AppError(
        'conflict',
        'Another Heard window or command is using your records. Close it and try the backup again.',
      );
    }
    copyFileSync(databasePath, snapshot);
  } finally {
    db.exec('COMMIT');
  }
}
