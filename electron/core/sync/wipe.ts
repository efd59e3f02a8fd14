import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Vault } from '../vault/vault';

export const NOTICE_FILE = 'sync-notice.json';

export interface SyncNotice {
  kind: 'revoked' | 'wiped';
  message: string;
  at: string;
}

/**
 * Deletes this computer's records: the database (with its WAL) and the wrapped key, so nothing is
 * left that could be unlocked. A short notice, with no record contents, says why.
 */
export function wipeLocalData(vault: Vault, notice: SyncNotice): void {
  vault.lock(notice.kind === 'wiped' ? 'wiped' : 'revoked');
  for (const path of [vault.databasePath, `${vault.databasePath}-wal`, `${vault.databasePath}-shm`, vault.keyPath])
    rmSync(path, { force: true });
  writeFileAtomic(join(vault.dataDir, NOTICE_FILE), JSON.stringify(notice));
}

export function readNotice(dataDir: string): SyncNotice | null {
  const path = join(dataDir, NOTICE_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SyncNotice;
  } catch {
    return null;
  }
}

export function clearNotice(dataDir: string): void {
  rmSync(join(dataDir, NOTICE_FILE), { force: true });
}
