import { z } from 'zod';

/** Messages core pushes to the renderer (not requests: the renderer cannot answer them). */
export const appEventSchema = z.discriminatedUnion('type', [
  /** Core is about to lock (OS suspend, screen lock): save drafts now and call vault.lock. */
  z.object({ type: z.literal('lock-pending'), reason: z.enum(['idle', 'suspend', 'lock-screen']) }),
  z.object({ type: z.literal('locked'), reason: z.string() }),
  z.object({ type: z.literal('progress'), task: z.string(), done: z.number(), total: z.number(), label: z.string() }),
  z.object({ type: z.literal('changed'), entity: z.string() }),
]);
export type AppEvent = z.infer<typeof appEventSchema>;
