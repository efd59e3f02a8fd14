import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes the data folder (and the files directly in it) readable by this user only. Nothing in
 * it is plaintext about a child, but the wrapped key, the throttle and the store's size and
 * timing are nobody else's business on a shared computer. A folder made by an older Heard, or
 * by hand, is tightened too. Windows has no such modes; its per-user profile folder does this.
 */
export function preparePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (process.platform === 'win32') return;
  tighten(dir, PRIVATE_FOLDER_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Links are left alone: following one would change a file outside the folder.
    if (entry.isFile()) tighten(join(dir, entry.name), PRIVATE_FILE_MODE);
  }
}

/** Only ever removes access (group and others); never adds any. */
function tighten(path: string, allowed: number): void {
  try {
    const mode = statSync(path).mode & 0o777;
    if (mode & ~allowed) chmodSync(path, mode & allowed);
  } catch {
    // A file removed meanwhile, or a folder this user does not own: opening it will say so.
  }
}
