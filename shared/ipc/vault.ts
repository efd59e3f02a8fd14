import { z } from 'zod';
import { notAudited, recordsItself } from './audit-spec';
import { method } from './define';

export const vaultProblemSchema = z.object({
  code: z.enum(['key_file_missing', 'key_file_corrupt', 'database_missing', 'database_damaged', 'database_newer']),
  message: z.string(),
});
export type VaultProblem = z.infer<typeof vaultProblemSchema>;

export const vaultStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('new') }),
  z.object({ state: z.literal('locked'), retryAfterMs: z.number().int().nonnegative() }),
  z.object({ state: z.literal('unlocked') }),
  z.object({ state: z.literal('problem'), problem: vaultProblemSchema }),
]);
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

const passphrase = z.string().min(1, 'Enter your passphrase.').max(1024).describe('Passphrase');

export const vaultMethods = {
  'vault.status': method(z.object({}).strict(), vaultStatusSchema, {
    needsUnlock: false,
    audit: notAudited('the lock state of this computer; nothing about a child'),
  }),
  'vault.setup': method(z.object({ passphrase }).strict(), vaultStatusSchema, {
    needsUnlock: false,
    audit: notAudited('creates the empty store; nothing about a child yet'),
  }),
  'vault.unlock': method(z.object({ passphrase }).strict(), vaultStatusSchema, {
    needsUnlock: false,
    audit: recordsItself('the audit wrapper records each unlock, and each wrong passphrase at the next unlock'),
  }),
  'vault.lock': method(
    z.object({ reason: z.enum(['user', 'idle', 'suspend', 'lock-screen']).default('user') }).strict(),
    vaultStatusSchema,
    { needsUnlock: false, audit: notAudited('locking closes the store; nothing is read or changed') },
  ),
  /** Re-checks the advocate's passphrase without locking (e.g. to leave the young-person view). */
  'vault.checkPassphrase': method(z.object({ passphrase }).strict(), z.object({ correct: z.boolean() }), {
    audit: recordsItself('the audit wrapper records a wrong passphrase'),
  }),
  'vault.changePassphrase': method(
    z.object({ current: passphrase, next: passphrase }).strict(),
    z.object({ changed: z.literal(true) }),
    { audit: recordsItself('the audit wrapper records a wrong passphrase') },
  ),
};
