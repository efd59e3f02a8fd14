import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { Envelope } from './errors';
import { vaultMethods } from './vault';
import { lettersMethods } from './letters';
import { settingsMethods } from './settings';
import { draftsMethods } from './drafts';
import { caseloadMethods } from './caseload';
import { councilMethods } from './councils';
import { reportsMethods } from './reports';
import { systemicIssuesMethods } from './systemic-issues';
import { meetingsMethods } from './meetings';
import { fieldworkMethods } from './fieldwork';
import { auditMethods } from './audit';
import { backupMethods } from './backup';
import { retentionMethods } from './retention';
import { subjectAccessMethods } from './subject-access';
import { syncMethods } from './sync';
import { laptopsMethods } from './laptops';
import { intakeMethods } from './intake';
import { teamMethods } from './team';

/**
 * The whole IPC surface. Each feature adds its methods object here; nothing else needs to change
 * for main, the preload bridge, the web host and the renderer client to know about them.
 */
export const contract = {
  ...vaultMethods,
  ...lettersMethods,
  ...settingsMethods,
  ...draftsMethods,
  ...caseloadMethods,
  ...councilMethods,
  ...reportsMethods,
  ...systemicIssuesMethods,
  ...meetingsMethods,
  ...fieldworkMethods,
  ...auditMethods,
  ...backupMethods,
  ...retentionMethods,
  ...subjectAccessMethods,
  ...syncMethods,
  ...laptopsMethods,
  ...intakeMethods,
  ...teamMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** What the renderer sees as `window.heard`. */
export type HeardApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Envelope<MethodOutput<K>>>;
} & {
  /** Subscribe to core's events; returns an unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
};

/** The IPC channel prefix shared by main and preload. */
export const IPC_PREFIX = 'heard:';
export const IPC_EVENT_CHANNEL = 'heard:event';
export const IPC_METHODS_CHANNEL = 'heard:methods';
