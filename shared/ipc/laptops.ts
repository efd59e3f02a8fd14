import { z } from 'zod';
import { notAudited } from './audit-spec';
import { method } from './define';

/**
 * The managers' Laptops screen and this laptop's own key (docs/e2e.md). None of it touches a child's
 * record; the service writes every laptop change (codes, approvals, revocations) to its own audit
 * table with the manager's device and user.
 */
const uuid = (message: string) =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, message);
const deviceId = uuid('Not a laptop of your service.');

export const laptopViewSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  userName: z.string(),
  role: z.string(),
  status: z.string(),
  lastSeenAt: z.string().nullable(),
  clockOffsetMs: z.number().nullable(),
  fingerprint: z.string().nullable(),
  holdsKey: z.boolean(),
  waiting: z.boolean(),
  tagRefused: z.boolean(),
  thisLaptop: z.boolean(),
});
export type LaptopView = z.infer<typeof laptopViewSchema>;

export const laptopsListSchema = z.object({
  laptops: z.array(laptopViewSchema),
  currentEpoch: z.number().int().nullable(),
  /** Set, in words, when the service names a recovery key other than the one this laptop keeps. */
  recoveryKeyProblem: z.string().nullable(),
  users: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
export type LaptopsList = z.infer<typeof laptopsListSchema>;

export const ownKeySchema = z.object({
  /** This laptop's public key's fingerprint, to compare with the manager's screen; null before connecting. */
  fingerprint: z.string().nullable(),
  mode: z.enum(['sealed', 'waiting', 'plain']),
});

const ok = z.object({ ok: z.literal(true) });
const why = 'laptops and keys, not a child’s record; the service audits each change';

export const laptopsMethods = {
  'laptops.list': method(z.object({}).strict(), laptopsListSchema, { audit: notAudited(why) }),
  'laptops.issueCode': method(
    z.object({ userId: uuid('Not a person at your service.') }).strict(),
    z.object({ code: z.string(), expiresAt: z.string(), userName: z.string() }),
    { audit: notAudited(why) },
  ),
  'laptops.approve': method(
    z
      .object({
        deviceId,
        fingerprint: z.string().regex(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/, 'Not a laptop’s code.'),
      })
      .strict(),
    ok,
    { audit: notAudited(why) },
  ),
  'laptops.refuse': method(z.object({ deviceId }).strict(), ok, { audit: notAudited(why) }),
  'laptops.setStatus': method(z.object({ deviceId, action: z.enum(['revoke', 'wipe']) }).strict(), ok, {
    audit: notAudited(why),
  }),
  /** The recovery key, while it waits to be printed; null once the manager has said it is. */
  'laptops.recoveryKey': method(z.object({}).strict(), z.object({ key: z.string().nullable() }), {
    audit: notAudited(why),
  }),
  'laptops.recoveryKeyPrinted': method(z.object({}).strict(), ok, { audit: notAudited(why) }),
  'laptops.restore': method(
    z
      .object({ recoveryKey: z.string().trim().min(1, 'Type the recovery key from the printed page.').max(200) })
      .strict(),
    z.object({ epochs: z.number().int() }),
    { audit: notAudited(why) },
  ),
  'laptops.ownKey': method(z.object({}).strict(), ownKeySchema, {
    audit: notAudited('this laptop’s own public key fingerprint'),
  }),
};
