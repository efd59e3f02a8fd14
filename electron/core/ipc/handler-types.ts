import type { HlcClock } from '../../../shared/domain/hlc';
import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { AppEvent } from '../../../shared/ipc/events';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { SettingsStore } from '../settings/settings-store';
import type { Vault } from '../vault/vault';
import type { SyncClient } from '../sync/client';
import type { ChosenPaths, FileDialogs } from '../backup/file-dialogs';

/** What every handler may use. OS-specific pieces arrive here from main; core never imports Electron. */
export interface CoreContext {
  readonly vault: Vault;
  readonly settings: SettingsStore;
  readonly dataDir: string;
  /** This core's sync client (one per core; its timer stops when the core closes). */
  readonly sync: SyncClient;
  emit(event: AppEvent): void;
  /** The computer's file dialogs, when the shell offers them (Electron); absent in the web host. */
  readonly fileDialogs?: FileDialogs | undefined;
  /** Files picked in those dialogs this session: the only ones a backup may be written to or read from. */
  readonly chosenPaths?: ChosenPaths | undefined;
  /** The open database; throws `locked` when the vault is locked. */
  db(): Db;
  /** Runs `fn` in one write transaction with the synced-record mutation path. */
  write<T>(fn: (writer: Writer, db: Db) => T): T;
  /** This device's id (stored in the encrypted database). */
  deviceId(): string;
  clock(): HlcClock;
  now(): Date;
}

export type Handler<K extends MethodName> = (
  input: ParsedInput<K>,
  ctx: CoreContext,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

/** Handlers for a subset of the contract: each feature exports one of these. */
export type HandlersFor<K extends MethodName> = { [P in K]: Handler<P> };

export type Handlers = HandlersFor<MethodName>;
