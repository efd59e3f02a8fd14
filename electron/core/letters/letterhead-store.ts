import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { letterheadSchema, type LetterheadSettings } from '../../../shared/ipc/letters';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Letterhead } from '../pdf';

/*
 * The service's letterhead: its name, address and logo. Nothing about a child, so it lives in a
 * plain JSON file beside the vault and can be read and set while Heard is locked.
 */

const FILE = 'letterhead.json';
const empty: LetterheadSettings = { name: '', address: '', logoPngBase64: null };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readLetterhead(dataDir: string): LetterheadSettings {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return { ...empty };
  try {
    const parsed = letterheadSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : { ...empty };
  } catch {
    return { ...empty };
  }
}

export function saveLetterhead(dataDir: string, value: LetterheadSettings): LetterheadSettings {
  if (value.logoPngBase64) {
    const bytes = Buffer.from(value.logoPngBase64, 'base64');
    if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
      const msg = 'The logo must be a PNG image.';
      throw new AppError('invalid_input', msg, { fields: { logoPngBase64: msg } });
    }
  }
  writeFileAtomic(join(dataDir, FILE), JSON.stringify(value, null, 2), 0o600);
  return value;
}

/** The letterhead as the PDF engine wants it, or undefined when none is set up. */
export function pdfLetterhead(settings: LetterheadSettings): Letterhead | undefined {
  if (!settings.name && !settings.address && !settings.logoPngBase64) return undefined;
  return {
    name: settings.name,
    address: settings.address,
    ...(settings.logoPngBase64 ? { logoPng: new Uint8Array(Buffer.from(settings.logoPngBase64, 'base64')) } : {}),
  };
}
