import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { assessPassphrase } from '../../../shared/domain/passphrase';
import { AppError } from '../../../shared/ipc/errors';
import type { VaultProblem, VaultStatus } from '../../../shared/ipc/vault';
import { isEmptyFile, openEncrypted, type Db } from '../db/database';
import { migrate } from '../db/migrate';
import { PRIVATE_FILE_MODE, preparePrivateFolder } from '../fs/private-folder';
import {
  DEFAULT_SCRYPT,
  deriveWrappingKey,
  newDatabaseKey,
  unwrapKey,
  wrapKey,
  type Kdf,
  type ScryptParams,
  type WrappedKey,
} from './key-wrap';
import { readKeyFile, writeKeyFile } from './key-file';
import type { Keychain } from './keychain';
import { PassphraseGate } from './passphrase-gate';
import { UnlockThrottle } from './unlock-throttle';

export const KEY_FILE = 'vault-key.json';
export const DATABASE_FILE = 'heard.db';
export const THROTTLE_FILE = 'unlock-throttle.json';

export interface VaultDeps {
  keychain: Keychain;
  nativeBinding?: string | undefined;
  now?: () => number;
  /** Only the key-wrapping unit tests lower this; every app path uses the default. */
  scrypt?: ScryptParams;
  /** The passphrase key derivation; tests wrap the real one to count how often it runs. */
  kdf?: Kdf;
}

const PROBLEM_TEXT: Record<VaultProblem['code'], string> = {
  key_file_missing:
    'Heard found your records file but not the key file that unlocks it (vault-key.json). Restore the key file from a backup, or contact your service’s support. The records file has not been changed.',
  key_file_corrupt:
    'The key file that unlocks your records (vault-key.json) is damaged or belongs to another computer. Restore it from a backup, or contact your service’s support. Nothing has been changed.',
  database_missing:
    'Heard found its key file but not your records file (heard.db). If you moved it, put it back; otherwise restore it from a backup. Nothing has been changed.',
  database_damaged:
    'Your records file (heard.db) is damaged and could not be opened. Restore it from a backup, or contact your service’s support. The file has not been changed or deleted.',
  database_newer:
    'Your records were saved by a newer version of Heard. Please update Heard to open them. Nothing has been changed.',
};

export const problem = (code: VaultProblem['code']): VaultProblem => ({ code, message: PROBLEM_TEXT[code] });

type LockListener = (reason: string) => void;

/**
 * The encrypted store's lifecycle: first-run setup, unlock, lock and passphrase change. While
 * locked, no database handle and no key exist in memory.
 */
export class Vault {
  private db: Db | null = null;
  private openProblem: VaultProblem | null = null;
  private readonly throttle: UnlockThrottle;
  private readonly gate: PassphraseGate;
  private readonly kdf: Kdf;
  private readonly lockListeners = new Set<LockListener>();
  readonly keyPath: string;
  readonly databasePath: string;

  constructor(
    readonly dataDir: string,
    private readonly deps: VaultDeps,
  ) {
    this.keyPath = join(dataDir, KEY_FILE);
    this.databasePath = join(dataDir, DATABASE_FILE);
    this.throttle = new UnlockThrottle(join(dataDir, THROTTLE_FILE), deps.now);
    this.gate = new PassphraseGate(this.throttle);
    this.kdf = deps.kdf ?? deriveWrappingKey;
  }

  status(): VaultStatus {
    if (this.db) return { state: 'unlocked' };
    if (this.openProblem) return { state: 'problem', problem: this.openProblem };
    const key = readKeyFile(this.keyPath, this.deps.keychain);
    const hasDb = existsSync(this.databasePath);
    if (key.kind === 'missing')
      return hasDb ? { state: 'problem', problem: problem('key_file_missing') } : { state: 'new' };
    if (key.kind === 'corrupt') return { state: 'problem', problem: problem('key_file_corrupt') };
    if (!hasDb) return { state: 'problem', problem: problem('database_missing') };
    // Said before the passphrase is asked for: an empty file can hold no records, whatever the key.
    if (isEmptyFile(this.databasePath)) return { state: 'problem', problem: problem('database_damaged') };
    return { state: 'locked', retryAfterMs: this.gate.retryAfterMs() };
  }

  get isUnlocked(): boolean {
    return this.db !== null;
  }

  /** The open database. Throws `locked` so a handler can never run against a closed store. */
  database(): Db {
    if (!this.db) throw new AppError('locked', 'Heard is locked. Unlock it with your passphrase to continue.');
    return this.db;
  }

  /** In turn with unlocks: two set-ups sent at once must not both make a store. */
  setup(passphrase: string): Promise<VaultStatus> {
    return this.gate.exclusive(() => this.setupNow(passphrase));
  }

  private async setupNow(passphrase: string): Promise<VaultStatus> {
    const current = this.status();
    if (current.state !== 'new') {
      throw new AppError('already_set_up', 'Heard is already set up on this computer. Unlock it with your passphrase.');
    }
    const assessment = assessPassphrase(passphrase);
    if (!assessment.acceptable)
      throw new AppError('weak_passphrase', assessment.feedback, { fields: { passphrase: assessment.feedback } });
    preparePrivateFolder(this.dataDir);
    const key = newDatabaseKey();
    try {
      const wrapped = await wrapKey(key, passphrase, this.deps.scrypt ?? DEFAULT_SCRYPT, this.kdf);
      // Made here, private, so that SQLite's log files (which copy its mode) are private too.
      closeSync(openSync(this.databasePath, 'wx', PRIVATE_FILE_MODE));
      // Database first: a crash before the key file is written leaves nothing that needs it.
      const db = openEncrypted(this.databasePath, key, { nativeBinding: this.deps.nativeBinding });
      migrate(db);
      writeKeyFile(this.keyPath, wrapped, this.deps.keychain);
      this.db = db;
    } finally {
      key.fill(0);
    }
    return this.status();
  }

  async unlock(passphrase: string): Promise<VaultStatus> {
    const current = this.status();
    if (current.state === 'unlocked') return current;
    if (current.state === 'new') throw new AppError('not_set_up', 'Heard has not been set up on this computer yet.');
    if (current.state === 'problem') throw new AppError(current.problem.code, current.problem.message);
    preparePrivateFolder(this.dataDir);
    const outcome = await this.gate.attempt(async () => {
      // Another attempt queued ahead of this one may have unlocked already.
      if (this.db) return { opened: true as const };
      const key = await unwrapKey(this.keyFileOrThrow(), passphrase, this.kdf);
      if (!key) return null;
      // The passphrase was right, so a file that will not open is not a failed attempt.
      try {
        this.db = this.openWithProblems(key);
        return { opened: true as const };
      } catch (e) {
        return { opened: false as const, error: e };
      } finally {
        key.fill(0);
      }
    });
    if (!outcome.ok) {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      throw new AppError(
        'wrong_passphrase',
        `That passphrase is not right. You can try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        {
          retryAfterMs: outcome.retryAfterMs,
        },
      );
    }
    if (!outcome.value.opened) throw outcome.value.error;
    return this.status();
  }

  /** Read afresh for every attempt: a passphrase change queued ahead may have rewritten it. */
  private keyFileOrThrow(): WrappedKey {
    const file = readKeyFile(this.keyPath, this.deps.keychain);
    if (file.kind !== 'ok') throw new AppError('key_file_corrupt', PROBLEM_TEXT.key_file_corrupt);
    return file.wrapped;
  }

  /** The passphrase was right (the key unwrapped), so any failure now is the file's, not the user's. */
  private openWithProblems(key: Buffer): Db {
    let db: Db;
    try {
      db = openEncrypted(this.databasePath, key, { nativeBinding: this.deps.nativeBinding, mustExist: true });
    } catch {
      this.openProblem = problem('database_damaged');
      throw new AppError('database_damaged', PROBLEM_TEXT.database_damaged);
    }
    try {
      // Setting up migrates the store before its key file exists, so a store with a key file and
      // no schema has lost its contents: opening it must not quietly make a new, empty one.
      if (db.pragma('user_version', { simple: true }) === 0)
        throw new AppError('database_damaged', PROBLEM_TEXT.database_damaged);
      migrate(db);
      return db;
    } catch (e) {
      db.close();
      const code = e instanceof AppError && e.code === 'database_newer' ? 'database_newer' : 'database_damaged';
      this.openProblem = problem(code);
      throw new AppError(code, PROBLEM_TEXT[code]);
    }
  }

  lock(reason = 'user'): VaultStatus {
    if (this.db) {
      const db = this.db;
      this.db = null;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
      for (const listener of this.lockListeners) listener(reason);
    }
    return this.status();
  }

  onLock(listener: LockListener): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** True when the passphrase unwraps the key. Shares the unlock delay: a wrong one adds to it. */
  async checkPassphrase(passphrase: string): Promise<boolean> {
    const outcome = await this.gate.attempt(async () => {
      const key = await unwrapKey(this.keyFileOrThrow(), passphrase, this.kdf);
      key?.fill(0);
      return key ? true : null;
    });
    return outcome.ok;
  }

  /**
   * The raw database key, for an encrypted backup only (core/backup), after checking the
   * passphrase; a wrong one counts towards the unlock delay. The caller must zero it when done.
   */
  async databaseKeyFor(passphrase: string): Promise<Buffer> {
    const outcome = await this.gate.attempt(() => unwrapKey(this.keyFileOrThrow(), passphrase, this.kdf));
    if (!outcome.ok) throw wrongPassphrase('Your passphrase is not right.', 'passphrase', outcome.retryAfterMs);
    return outcome.value;
  }

  /**
   * Makes a restored database this store's: wraps its key under the new passphrase (and the OS
   * keychain, where real). Only core/backup calls this, after it has put the verified file in place.
   */
  async adoptRestoredKey(key: Buffer, passphrase: string): Promise<void> {
    if (this.db) throw new AppError('conflict', 'Lock Heard before restoring a backup.');
    const assessment = assessPassphrase(passphrase);
    if (!assessment.acceptable)
      throw new AppError('weak_passphrase', assessment.feedback, { fields: { newPassphrase: assessment.feedback } });
    writeKeyFile(
      this.keyPath,
      await wrapKey(key, passphrase, this.deps.scrypt ?? DEFAULT_SCRYPT, this.kdf),
      this.deps.keychain,
    );
    this.openProblem = null;
    this.throttle.reset();
  }

  /**
   * Rewraps the same database key under the new passphrase; the database itself is untouched.
   * Inside the gate, so no other check can read the key file while it is being replaced.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    this.database();
    const assessment = assessPassphrase(next);
    if (!assessment.acceptable)
      throw new AppError('weak_passphrase', assessment.feedback, { fields: { next: assessment.feedback } });
    const outcome = await this.gate.attempt(async () => {
      const key = await unwrapKey(this.keyFileOrThrow(), current, this.kdf);
      if (!key) return null;
      try {
        writeKeyFile(
          this.keyPath,
          await wrapKey(key, next, this.deps.scrypt ?? DEFAULT_SCRYPT, this.kdf),
          this.deps.keychain,
        );
      } finally {
        key.fill(0);
      }
      return true;
    });
    if (!outcome.ok) throw wrongPassphrase('Your current passphrase is not right.', 'current', outcome.retryAfterMs);
  }
}

function wrongPassphrase(what: string, field: string, retryAfterMs: number): AppError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return new AppError(
    'wrong_passphrase',
    `${what} Nothing has been changed. You can try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    {
      retryAfterMs,
      fields: { [field]: 'Not right.' },
    },
  );
}
