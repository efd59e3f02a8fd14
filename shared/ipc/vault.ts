import { z } from 'zod';
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
  'vault.status': method(z.object({}).strict(), vaultStatusSchema, { needsUnlock: false }),
  'vault.setup': method(z.object({ passphrase }).strict(), vaultStatusSchema, { needsUnlock: false }),
  'vault.unlock': method(z.object({ passphrase }).strict(), vaultStatusSchema, { needsUnlock: false }),
  'vault.lock': method(
    z.object({ reason: z.enum(['user', 'idle', 'suspend', 'lock-screen']).default('user') }).strict(),
    vaultStatusSchema,
    { needsUnlock: false },
  ),
  /** Re-checks the advocate's passphrase without locking (e.g. to leave the young-person view). */
  'vault.checkPassphrase': method(z.object({ passphrase }).strict(), z.object({ correct: z.boolean() })),
  'vault.changePassphrase': method(
    z.object({ current: passphrase, next: passphrase }).strict(),
    z.object({ changed: z.literal(true) }),
  ),
};
