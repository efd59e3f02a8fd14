import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding } from '../../electron/core/db/native-binding';

// js-yaml and app-builder-lib come with electron-builder; loading them this way avoids a direct
// dependency just for this test and checks the file against the packager's own schema.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

interface FileSet {
  from: string;
  to: string;
  filter?: string[];
}

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  extraResources: FileSet[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(text) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is accepted by electron-builder's own configuration schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.productName).toBe('Heard');
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or inspect; code only from a verified asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it("packs the bundled main, preload and renderer named in package.json, and the package's main entry", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**']));
    // The Node-ABI build in node_modules must not ship: only the wrapper's JavaScript does.
    expect(config.files).toContain('!node_modules/**');
    expect(config.files.filter((f) => f.startsWith('node_modules/'))).toEqual([
      'node_modules/better-sqlite3-multiple-ciphers/package.json',
      'node_modules/better-sqlite3-multiple-ciphers/lib/**',
    ]);
  });

  it('ships the fonts and the Electron SQLite build where the app looks for them', () => {
    const native = config.extraResources.find((r) => r.from === 'resources/native');
    expect(native?.to).toBe('native');
    expect(config.extraResources.find((r) => r.from === 'resources/fonts')?.to).toBe('fonts');
    // The packaged layout <resources>/<to>/electron-<abi>/better_sqlite3.node is what core asks for.
    const wanted = chooseNativeBinding(
      { ...process.versions, electron: '45.4.1', modules: '140' } as NodeJS.ProcessVersions,
      '/R',
      () => true,
    );
    const shipped = join('/R', native?.to ?? '', (native?.filter?.[0] ?? '').replace('electron-*', 'electron-140'));
    expect(shipped).toBe(wanted);
  });
});
