import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/ipc/errors';

export type Db = Database.Database;

export interface OpenOptions {
  nativeBinding?: string | undefined;
  /**
   * Refuse to create the file when it does not exist, and refuse a file that cannot be a whole
   * store: SQLite would quietly treat an empty file as a new, empty database.
   */
  mustExist?: boolean;
}

const DAMAGED = 'The records file could not be opened with this key. It may be damaged. It has not been changed.';

/** A records file of no bytes is never a store (setting up writes its first page straight away). */
export function isEmptyFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size === 0;
  } catch {
    return false;
  }
}

/**
 * Page cipher: AEGIS (SQLite3MultipleCiphers' 'aegis'), an authenticated cipher like
 * ChaCha20-Poly1305 but several times faster where the CPU has AES instructions. Measured on the
 * benchmark workload: ~1.1× plain SQLite, against ~1.8× for ChaCha20 (tests/bench/store.bench.ts).
 */
export const PAGE_CIPHER = 'aegis';

/** Settings every connection gets, encrypted or not, so the benchmark's baseline is like for like. */
function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Temporary tables and sort spills stay in memory, never in plaintext temp files.
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  // 32 MiB of page cache: a caseload's working set stays decrypted in memory, not re-read.
  db.pragma('cache_size = -32000');
}

/**
 * Opens the encrypted database with the raw 32-byte key (no KDF on open: the key is already
 * random). A wrong key is only noticed at the first read, so we read straight away.
 */
export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes.');
  if (options.mustExist && isEmptyFile(path)) throw new AppError('database_damaged', DAMAGED);
  const db = new Database(path, { fileMustExist: options.mustExist ?? false, nativeBinding: options.nativeBinding });
  try {
    db.pragma(`cipher='${PAGE_CIPHER}'`);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (options.mustExist && endsMidPage(db, path)) throw new Error('partial page');
  } catch {
    db.close();
    throw new AppError('database_damaged', DAMAGED);
  }
  configure(db);
  return db;
}

/**
 * SQLite refuses a file shorter than its header says, but not one cut off in the middle of its
 * last page. Only judged when the write-ahead log is empty: after a crash SQLite rebuilds the
 * file's end from the log itself.
 */
function endsMidPage(db: Db, path: string): boolean {
  if (fileSize(`${path}-wal`) > 0) return false;
  return fileSize(path) % (db.pragma('page_size', { simple: true }) as number) !== 0;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A plain (unencrypted) database, used only by benchmarks as the baseline. */
export function openPlain(path: string, nativeBinding?: string): Db {
  const db = new Database(path, { nativeBinding });
  configure(db);
  return db;
}
