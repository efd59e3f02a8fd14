import { createDecipheriv } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '../../../shared/domain/ids';
import { assessPassphrase } from '../../../shared/domain/passphrase';
import { AppError } from '../../../shared/ipc/errors';
import { appendAudit } from '../audit/audit-log';
import { PENDING_FILE } from '../audit/pending-failures';
import { openEncrypted } from '../db/database';
import { migrate } from '../db/migrate';
import { THROTTLE_FILE, type Vault } from '../vault/vault';
import {
  backupHeaderSchema,
  backupKeyFrom,
  MAX_HEADER_BYTES,
  openDatabaseKey,
  TAG_BYTES,
  type BackupHeader,
} from './backup-format';

export interface RestoreOptions {
  vault: Vault;
  backupPath: string;
  backupPassphrase: string;
  /** The passphrase that will unlock the restored store on this computer. */
  newPassphrase: string;
  /** Explicit confirmation that an existing store may be set aside (it is renamed, never deleted). */
  replace: boolean;
  nativeBinding?: string | undefined;
  now: Date;
}

export interface RestoreResult {
  backupCreatedAt: string;
  schemaVersion: number;
  /** Existing files that were set aside, renamed in the same folder. */
  setAside: string[];
}

const NOT_A_BACKUP = 'This file is not a Heard backup, or its beginning is damaged. Nothing has been changed.';
const DAMAGED =
  'This backup is damaged or has been changed since it was made, so it cannot be trusted. Nothing has been changed.';

/**
 * Restores a backup into the vault's folder (a fresh install, or replacing a store when
 * confirmed). The file is decrypted into a temporary database beside the store, which is only
 * trusted once the whole file's tag verifies, SQLite's integrity check passes and migrations
 * have run; only then are the old files renamed aside and the new one put in place.
 */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreResult> {
  if (o.vault.isUnlocked) throw new AppError('conflict', 'Lock Heard before restoring a backup.');
  const strength = assessPassphrase(o.newPassphrase);
  if (!strength.acceptable)
    throw new AppError('weak_passphrase', strength.feedback, { fields: { newPassphrase: strength.feedback } });
  const existing = [o.vault.keyPath, o.vault.databasePath].filter((p) => existsSync(p));
  if (existing.length > 0 && !o.replace) {
    throw new AppError(
      'conflict',
      'This computer already holds Heard records. Confirm that they should be set aside before restoring; nothing has been changed.',
    );
  }
  mustBeFile(o.backupPath);

  const { header, headerBytes } = readHeader(o.backupPath);
  const size = statSync(o.backupPath).size;
  if (size !== headerBytes.length + header.body.bytes + TAG_BYTES) throw new AppError('database_damaged', DAMAGED);

  const backupKey = await backupKeyFrom(o.backupPassphrase, header.kdf);
  const dbKey = openDatabaseKey(backupKey, header.key);
  if (!dbKey) {
    backupKey.fill(0);
    throw new AppError('wrong_passphrase', 'The backup passphrase is not right. Nothing has been changed.', {
      fields: { backupPassphrase: 'Not right.' },
    });
  }
  mkdirSync(o.vault.dataDir, { recursive: true, mode: 0o700 });
  const temp = join(o.vault.dataDir, `.restoring-${process.pid}.db`);
  try {
    await decryptBody(o.backupPath, header, headerBytes, backupKey, temp);
    const schemaVersion = verifyAndMigrate(temp, dbKey, o);
    const stamp = o.now.toISOString().replace(/[:.]/g, '-');
    const setAside: string[] = [];
    for (const name of [
      o.vault.databasePath,
      `${o.vault.databasePath}-wal`,
      `${o.vault.databasePath}-shm`,
      o.vault.keyPath,
    ]) {
      if (!existsSync(name)) continue;
      const aside = `${name}.replaced-${stamp}`;
      renameSync(name, aside);
      setAside.push(aside);
    }
    // The throttle and pending failed unlocks belonged to the old store's passphrase.
    for (const name of [THROTTLE_FILE, PENDING_FILE]) rmSync(join(o.vault.dataDir, name), { force: true });
    renameSync(temp, o.vault.databasePath);
    await o.vault.adoptRestoredKey(dbKey, o.newPassphrase);
    return { backupCreatedAt: header.createdAt, schemaVersion, setAside };
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
    dbKey.fill(0);
    backupKey.fill(0);
  }
}

/** Checks that a file is a backup (not its passphrase), so the app can refuse before it locks anything. */
export function inspectBackup(path: string): { createdAt: string; schemaVersion: number } {
  mustBeFile(path);
  const { header } = readHeader(path);
  return { createdAt: header.createdAt, schemaVersion: header.schemaVersion };
}

function mustBeFile(path: string): void {
  let file = false;
  try {
    file = statSync(path).isFile();
  } catch {
    file = false;
  }
  if (!file) throw new AppError('not_found', 'There is no backup file at that place.');
}

function readHeader(path: string): { header: BackupHeader; headerBytes: Buffer } {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(MAX_HEADER_BYTES);
  let n: number;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const end = buf.subarray(0, n).indexOf(0x0a);
  if (end < 0) throw new AppError('invalid_input', NOT_A_BACKUP);
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(0, end).toString('utf8'));
  } catch {
    throw new AppError('invalid_input', NOT_A_BACKUP);
  }
  const header = backupHeaderSchema.safeParse(parsed);
  if (!header.success) throw new AppError('invalid_input', NOT_A_BACKUP);
  return { header: header.data, headerBytes: Buffer.from(buf.subarray(0, end + 1)) };
}

async function decryptBody(
  path: string,
  header: BackupHeader,
  headerBytes: Buffer,
  backupKey: Buffer,
  temp: string,
): Promise<void> {
  const decipher = createDecipheriv('aes-256-gcm', backupKey, Buffer.from(header.body.iv, 'base64'), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(headerBytes);
  const bodyStart = headerBytes.length;
  const bodyEnd = bodyStart + header.body.bytes; // exclusive
  const tag = Buffer.alloc(TAG_BYTES);
  const fdIn = openSync(path, 'r');
  try {
    readSync(fdIn, tag, 0, TAG_BYTES, bodyEnd);
  } finally {
    closeSync(fdIn);
  }
  decipher.setAuthTag(tag);
  const out = openSync(temp, 'w', 0o600);
  try {
    if (header.body.bytes > 0) {
      for await (const chunk of createReadStream(path, { start: bodyStart, end: bodyEnd - 1 }))
        writeSync(out, decipher.update(chunk as Buffer));
    }
    try {
      writeSync(out, decipher.final());
    } catch {
      throw new AppError('database_damaged', DAMAGED);
    }
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

function verifyAndMigrate(temp: string, dbKey: Buffer, o: RestoreOptions): number {
  const db = openEncrypted(temp, dbKey, { nativeBinding: o.nativeBinding, mustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('database_damaged', DAMAGED);
    migrate(db);
    let device = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string | undefined;
    if (!device) {
      device = uuidv7();
      db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(device);
    }
    // The backup's sign-in to the sync service is out of date (its refresh token has been
    // exchanged since), and presenting it would look like a stolen token: the service would
    // disconnect the laptop and its records would be deleted. So the restored records are
    // disconnected and keep everything else, changes waiting to be sent included; connecting
    // again with a new enrolment code sends them.
    const connected =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_account'").get() !== undefined &&
      db.prepare('DELETE FROM sync_account').run().changes > 0;
    appendAudit(db, device, o.now, [
      {
        action: 'restored',
        detail: connected ? 'restored from a backup; disconnected from the sync service' : 'restored from a backup',
      },
    ]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
