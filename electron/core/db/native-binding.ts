import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node and Electron need different builds of the SQLite addon (different ABIs). The Node build is
 * the package's own; the Electron build is made where Electron headers can be fetched
 * (`scripts/build-electron-sqlite.sh`) and kept beside it. We choose by the running runtime.
 */
export function chooseNativeBinding(
  versions: NodeJS.ProcessVersions,
  resourcesDir: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined; // plain Node: the package finds its own build
  const candidate = join(resourcesDir, 'native', `electron-${versions.modules}`, 'better_sqlite3.node');
  if (!exists(candidate)) {
    throw new Error(`The database engine for this version of Heard is missing (${candidate}). Please reinstall Heard.`);
  }
  return candidate;
}
