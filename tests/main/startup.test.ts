import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding } from '../../electron/core/db/native-binding';
import { noKeychain } from '../../electron/core/vault/keychain';
import { appPaths, bootCore, showStartupFailure } from '../../electron/main/startup';

const nodeVersions = { ...process.versions } as NodeJS.ProcessVersions;
const electronVersions = { ...process.versions, electron: '45.4.1', modules: '140' } as NodeJS.ProcessVersions;

describe('native SQLite binding', () => {
  it("uses the package's own build under plain Node (tests, CLI, web host)", () => {
    expect(chooseNativeBinding(nodeVersions, '/res', () => true)).toBeUndefined();
  });

  it("uses the Electron build for Electron's ABI from the resources folder", () => {
    const seen: string[] = [];
    const path = chooseNativeBinding(electronVersions, '/opt/Heard/resources', (p) => {
      seen.push(p);
      return true;
    });
    expect(path).toBe(join('/opt/Heard/resources', 'native', 'electron-140', 'better_sqlite3.node'));
    expect(seen).toEqual([path]);
  });
});

describe('starting core', () => {
  it('hands the Electron binding to core', () => {
    const result = bootCore({
      versions: electronVersions,
      resourcesDir: '/res',
      dataDir: '/data',
      keychain: noKeychain,
      exists: () => true,
      createCore: (options) => options,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        dataDir: '/data',
        keychain: noKeychain,
        nativeBinding: join('/res', 'native', 'electron-140', 'better_sqlite3.node'),
      },
    });
  });

  it('reports a missing Electron build as a message to show, not a crash', () => {
    let created = false;
    const logged: string[] = [];
    const result = bootCore({
      log: (line) => logged.push(line),
      versions: electronVersions,
      resourcesDir: '/res',
      dataDir: '/data',
      keychain: noKeychain,
      exists: () => false,
      createCore: () => {
        created = true;
      },
    });
    expect(created).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.message).toMatch(/reinstall Heard/);
    // The developer's terminal gets the missing path and how to make the file.
    expect(logged.join('\n')).toContain(join('/res', 'native', 'electron-140', 'better_sqlite3.node'));
    expect(logged.join('\n')).toContain('build-electron-sqlite.sh');
  });

  it('reports a data folder that cannot be prepared, and says nothing was deleted', () => {
    const result = bootCore({
      versions: nodeVersions,
      resourcesDir: '/res',
      dataDir: '/read-only/data',
      keychain: noKeychain,
      createCore: () => {
        throw new Error('EACCES');
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.message).toContain('/read-only/data');
      expect(result.failure.message).toContain('Nothing has been deleted');
      const shown: string[] = [];
      showStartupFailure({ showErrorBox: (title, content) => shown.push(title, content) }, result.failure);
      expect(shown).toEqual([result.failure.title, result.failure.message]);
    }
  });

  it('finds the preload, renderer and resources beside the bundle, packaged or not', () => {
    const dev = appPaths('/src/heard/dist/electron', false, '/usr/lib/electron/resources');
    expect(dev).toEqual({
      preload: join('/src/heard/dist/electron', 'preload.cjs'),
      rendererDir: join('/src/heard/dist', 'renderer'),
      resourcesDir: join('/src/heard', 'resources'),
      fontsDir: join('/src/heard', 'resources', 'fonts'),
    });
    const packaged = appPaths('/opt/Heard/resources/app.asar/dist/electron', true, '/opt/Heard/resources');
    expect(packaged.resourcesDir).toBe('/opt/Heard/resources');
    // electron-builder.yml copies resources/fonts to <resources>/fonts.
    expect(packaged.fontsDir).toBe(join('/opt/Heard/resources', 'fonts'));
  });
});
