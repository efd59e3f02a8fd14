import { existsSync, readFileSync } from 'node:fs';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/ipc/settings';
import { writeFileAtomic } from '../fs/atomic-write';

/** Non-confidential preferences. Nothing about a child may ever be put here. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/**
 * A JSON file beside the vault. Electron's main process may pass an electron-store-backed store
 * instead; both are validated against the same schema, so a hand-edited file cannot break startup.
 */
export class FileSettingsStore implements SettingsStore {
  constructor(private readonly path: string) {}

  get(): Settings {
    if (!existsSync(this.path)) return { ...defaultSettings };
    try {
      const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
      const merged = { ...defaultSettings, ...raw };
      const parsed = settingsSchema.safeParse(merged);
      return parsed.success ? parsed.data : { ...defaultSettings };
    } catch {
      return { ...defaultSettings };
    }
  }

  update(patch: Partial<Settings>): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    writeFileAtomic(this.path, JSON.stringify(next, null, 2));
    return next;
  }
}
