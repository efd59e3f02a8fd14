import { z } from 'zod';
import { notAudited } from './audit-spec';
import { method } from './define';

/**
 * Unsaved text from any form, kept in the encrypted store so that an auto-lock or a crash never
 * loses what an advocate was typing. The key names the form (e.g. "referral:new").
 */
export const draftKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9:._-]+$/i, 'Draft names use letters, digits and : . _ - only.');

export const draftsMethods = {
  'drafts.save': method(
    z.object({ key: draftKeySchema, content: z.string().max(5_000_000) }).strict(),
    z.object({ savedAt: z.string() }),
    { audit: notAudited('typing not yet saved; the save itself is recorded') },
  ),
  'drafts.get': method(
    z.object({ key: draftKeySchema }).strict(),
    z.object({ content: z.string(), savedAt: z.string() }).nullable(),
    { audit: notAudited('typing not yet saved; the save itself is recorded') },
  ),
  'drafts.discard': method(z.object({ key: draftKeySchema }).strict(), z.object({ discarded: z.boolean() }), {
    audit: notAudited('typing not yet saved; the save itself is recorded'),
  }),
};
