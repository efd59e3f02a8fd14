import { join } from 'node:path';
import { HlcClock } from '../../shared/domain/hlc';
import { uuidv7 } from '../../shared/domain/ids';
import type { MethodName } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { AppEvent } from '../../shared/ipc/events';
import { withAudit } from './audit/audited-call';
import { noteChangesOf } from './audit/change-collector';
import { preparePrivateFolder } from './fs/private-folder';
import { Writer } from './db/mutations';
import { dispatch, type Logger } from './ipc/dispatch';
import type { CoreContext } from './ipc/handler-types';
import { handlers } from './ipc/handlers';
import { FileSettingsStore, type SettingsStore } from './settings/settings-store';
import { noKeychain, type Keychain } from './vault/keychain';
import { Vault } from './vault/vault';
import { SyncClient } from './sync/client';
import { collectOnlineForms } from './intake/collect-forms';
import type { Transport } from './sync/transport';
import { wipeLocalData } from './sync/wipe';
import { ChosenPaths, type FileDialogs } from './backup/file-dialogs';

export interface CoreOptions {
  dataDir: string;
  keychain?: Keychain;
  settings?: SettingsStore;
  nativeBinding?: string | undefined;
  log?: Logger;
  now?: () => Date;
  /** How sync reaches the service; tests pass an in-process one. Defaults to fetch. */
  syncTransport?: Transport;
  /** Sync on a timer while unlocked and connected (default true). */
  autoSync?: boolean;
  /** The computer's file dialogs (Electron's, from main); without them backups are downloaded and uploaded. */
  fileDialogs?: FileDialogs;
}

export interface Core {
  readonly vault: Vault;
  readonly context: CoreContext;
  call(method: MethodName | string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to events for the renderer (lock, progress, changes). */
  onEvent(listener: (event: AppEvent) => void): () => void;
  /**
   * Ask the renderer to save drafts and lock; lock anyway after `graceMs`. Used for OS suspend and
   * the lock screen, where the machine may sleep at any moment.
   */
  requestLock(reason: 'idle' | 'suspend' | 'lock-screen', graceMs?: number): void;
  close(): void;
}

/** The application: everything the desktop app does, runnable in plain Node. */
export function createCore(options: CoreOptions): Core {
  preparePrivateFolder(options.dataDir);
  const now = options.now ?? (() => new Date());
  const vault = new Vault(options.dataDir, {
    keychain: options.keychain ?? noKeychain,
    nativeBinding: options.nativeBinding,
  });
  const settings = options.settings ?? new FileSettingsStore(join(options.dataDir, 'settings.json'));
  const listeners = new Set<(event: AppEvent) => void>();
  const log = options.log ?? (() => {});
  let clock: HlcClock | null = null;
  let device: string | null = null;
  let pendingLock: NodeJS.Timeout | null = null;

  const emit = (event: AppEvent): void => {
    for (const l of listeners) l(event);
  };

  vault.onLock((reason) => {
    clock = null;
    device = null;
    if (pendingLock) clearTimeout(pendingLock);
    pendingLock = null;
    emit({ type: 'locked', reason });
  });

  const deviceId = (): string => {
    if (device) return device;
    const db = vault.database();
    const row = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string | undefined;
    device = row ?? uuidv7();
    if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(device);
    return device;
  };

  const sync = new SyncClient({
    db: () => vault.database(),
    isUnlocked: () => vault.isUnlocked,
    emit: (event) => emit(event),
    now,
    transport: options.syncTransport ?? ((url, init) => fetch(url, init)),
    wipe: (kind, message) => wipeLocalData(vault, { kind, message, at: now().toISOString() }),
    // Each run records itself (with its trigger and counts), automatic ones included.
    audit: (entries) => call.recordNow(entries),
    clock: () => context.clock(),
    // A manager's laptop collects the online forms at each sync (docs/e2e.md, Online forms).
    steps: [(io) => collectOnlineForms(context, (entries) => call.recordNow(entries))(io)],
  });

  const context: CoreContext = {
    sync,
    vault,
    settings,
    dataDir: options.dataDir,
    emit,
    fileDialogs: options.fileDialogs,
    chosenPaths: options.fileDialogs ? new ChosenPaths() : undefined,
    db: () => vault.database(),
    write: (fn) => {
      const db = vault.database();
      const writer = new Writer(db, context.clock(), undefined, now);
      // The trail names the records and fields each call changed, read back from the outbox.
      return db.transaction(() => noteChangesOf(db, () => fn(writer, db))).immediate();
    },
    deviceId,
    clock: () => (clock ??= new HlcClock(deviceId(), () => now().getTime())),
    now,
  };

  // Every call passes the audit trail (core/audit): case access, exports, sends, syncs, failed unlocks.
  const call = withAudit(context, (method, input) => dispatch(handlers, context, method, input, log), log);

  if (options.autoSync !== false) sync.start();

  return {
    vault,
    context,
    call,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    requestLock: (reason, graceMs = 1500) => {
      if (!vault.isUnlocked || pendingLock) return;
      emit({ type: 'lock-pending', reason });
      pendingLock = setTimeout(() => {
        pendingLock = null;
        vault.lock(reason);
      }, graceMs);
    },
    close: () => {
      sync.stop();
      vault.lock('quit');
      listeners.clear();
    },
  };
}
