import { z } from 'zod';
import { notAudited } from './audit-spec';
import { method } from './define';

/** Settings that say nothing about a child; they live outside the encrypted store. */
export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240).describe('Minutes before Heard locks itself'),
  serviceUrl: z.string().max(2048).describe('Service address'),
  theme: z.enum(['light', 'dark', 'auto']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { idleLockMinutes: 5, serviceUrl: '', theme: 'light' };

export const settingsMethods = {
  'settings.get': method(z.object({}).strict(), settingsSchema, {
    needsUnlock: false,
    audit: notAudited('preferences on this computer; nothing about a child'),
  }),
  'settings.update': method(settingsSchema.partial().strict(), settingsSchema, {
    needsUnlock: false,
    audit: notAudited('preferences on this computer; nothing about a child'),
  }),
};
