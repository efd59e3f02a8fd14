import { join } from 'node:path';
import { chooseNativeBinding } from '../core/db/native-binding';
import type { Keychain } from '../core/vault/keychain';

export interface StartupFailure {
  title: string;
  message: string;
}

export type StartupResult<T> = { ok: true; value: T } | { ok: false; failure: StartupFailure };

export interface AppPaths {
  preload: string;
  rendererDir: string;
  /** Where `native/electron-<abi>/` and `fonts/` live: process.resourcesPath when packaged. */
  resourcesDir: string;
  /** The PDF fonts; core cannot find them from its own location once bundled into main.js. */
  fontsDir: string;
}

/** `bundleDir` is the folder of the built main.js (dist/electron). */
export function appPaths(bundleDir: string, isPackaged: boolean, resourcesPath: string): AppPaths {
  const resourcesDir = isPackaged ? resourcesPath : join(bundleDir, '..', '..', 'resources');
  return {
    preload: join(bundleDir, 'preload.cjs'),
    rendererDir: join(bundleDir, '..', 'renderer'),
    resourcesDir,
    fontsDir: join(resourcesDir, 'fonts'),
  };
}

export interface BootOptions<C> {
  versions: NodeJS.ProcessVersions;
  resourcesDir: string;
  dataDir: string;
  keychain: Keychain;
  createCore: (options: { dataDir: string; keychain: Keychain; nativeBinding: string | undefined }) => C;
  exists?: (path: string) => boolean;
  /** For the technical reason (paths, error codes; never record contents), e.g. a developer's terminal. */
  log?: (line: string) => void;
}

/**
 * Starts core, or says in plain words why it could not (Signal-Desktop style: failures are values
 * the caller shows in a dialog, not exceptions that leave a blank window).
 */
export function bootCore<C>(options: BootOptions<C>): StartupResult<C> {
  const log = options.log ?? (() => {});
  let nativeBinding: string | undefined;
  try {
    nativeBinding = chooseNativeBinding(options.versions, options.resourcesDir, options.exists);
  } catch (e) {
    log(
      `Start-up failed: ${e instanceof Error ? e.message : String(e)} (scripts/build-electron-sqlite.sh makes this file).`,
    );
    return {
      ok: false,
      failure: {
        title: 'Heard cannot start',
        message:
          'Part of Heard that reads your encrypted records is missing from this installation. ' +
          'Your records have not been touched. Please reinstall Heard, or ask your service for the installer.',
      },
    };
  }
  try {
    return {
      ok: true,
      value: options.createCore({ dataDir: options.dataDir, keychain: options.keychain, nativeBinding }),
    };
  } catch (e) {
    log(
      `Start-up failed while preparing ${options.dataDir}: ${e instanceof Error && 'code' in e ? String(e.code) : 'unknown error'}`,
    );
    return {
      ok: false,
      failure: {
        title: 'Heard cannot start',
        message:
          `Heard could not prepare its data folder (${options.dataDir}). ` +
          'Check that the folder exists and that you can write to it, then start Heard again. Nothing has been deleted.',
      },
    };
  }
}

export interface ErrorBoxLike {
  showErrorBox(title: string, content: string): void;
}

export function showStartupFailure(dialog: ErrorBoxLike, failure: StartupFailure): void {
  dialog.showErrorBox(failure.title, failure.message);
}
