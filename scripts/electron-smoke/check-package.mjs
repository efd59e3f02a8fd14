// Packages the app for Linux (unpacked "dir" target) with a stand-in Electron distribution, since
// the real one cannot be downloaded here, and checks what went into app.asar and resources/.
// Fuses are skipped for this run only (flipping them needs the real Electron binary).
// Usage: npm run build:renderer && npm run build:electron && node scripts/electron-smoke/check-package.mjs
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..', '..');
const yaml = require('js-yaml');
const asar = require('@electron/asar');
const { build, Platform } = require('electron-builder');

for (const built of ['dist/renderer/index.html', 'dist/electron/main.js']) {
  if (!existsSync(join(root, built))) {
    process.stdout.write(
      `PACKAGE_CONTENTS_FAILED\n${built} is missing: run npm run build:renderer and npm run build:electron first.\n`,
    );
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'heard-package-'));
const fakeDist = join(work, 'electron-dist');
mkdirSync(join(fakeDist, 'resources'), { recursive: true });
writeFileSync(join(fakeDist, 'electron'), '#!/bin/sh\nexit 1\n');
chmodSync(join(fakeDist, 'electron'), 0o755);
writeFileSync(join(fakeDist, 'version'), require('electron/package.json').version);
writeFileSync(join(fakeDist, 'LICENSE'), '');
writeFileSync(join(fakeDist, 'LICENSES.chromium.html'), '');

const problems = [];
try {
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      ...config,
      electronDist: fakeDist,
      electronFuses: null,
      directories: { ...config.directories, output: join(work, 'out') },
    },
  });
  const resources = join(work, 'out', 'linux-unpacked', 'resources');
  const files = asar.listPackage(join(resources, 'app.asar')).map((f) => f.replaceAll('\\', '/'));
  for (const needed of [
    '/package.json',
    '/dist/electron/main.js',
    '/dist/electron/preload.cjs',
    '/dist/renderer/index.html',
    '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
  ]) {
    if (!files.includes(needed)) problems.push(`app.asar lacks ${needed}`);
  }
  const strays = files.filter(
    (f) =>
      /^\/node_modules\/(?!better-sqlite3-multiple-ciphers(\/|$))/.test(f) ||
      f.endsWith('.node') ||
      f.endsWith('.map') ||
      f.startsWith('/electron/') ||
      f.startsWith('/tests/'),
  );
  if (strays.length) problems.push(`app.asar holds files it should not: ${strays.slice(0, 10).join(', ')}`);
  if (!existsSync(join(resources, 'fonts', 'NotoSans-Regular.ttf'))) problems.push('resources/fonts was not copied');
  process.stdout.write(`app.asar: ${files.length} entries\n`);
} catch (e) {
  problems.push(`packaging failed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  process.stdout.write(`PACKAGE_CONTENTS_FAILED\n${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('PACKAGE_CONTENTS_OK\n');
