import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds the Electron main process and the preload into runnable JS (tsc here only emits
 * declarations). Run twice, once per mode:
 *   vite build -c electron/vite.config.ts --mode main     -> dist/electron/main.js  (ESM)
 *   vite build -c electron/vite.config.ts --mode preload  -> dist/electron/preload.cjs (CJS)
 * Main bundles core and its pure-JS dependencies, so the packaged app needs only the native SQLite
 * package beside it. The preload must be CommonJS: sandboxed preloads cannot load ES modules.
 */
const root = resolve(import.meta.dirname, '..');
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Native addon (loaded with an explicit nativeBinding path) and Electron itself stay outside.
const external = ['electron', 'better-sqlite3-multiple-ciphers', ...nodeBuiltins];

export default defineConfig(({ mode }) => {
  const isPreload = mode === 'preload';
  if (mode !== 'main' && !isPreload) throw new Error('Use --mode main or --mode preload.');
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true, external: ['electron', 'better-sqlite3-multiple-ciphers'], target: 'node' },
    build: {
      ssr: resolve(root, isPreload ? 'electron/preload/index.ts' : 'electron/main/index.ts'),
      outDir: resolve(root, 'dist/electron'),
      // The two modes write to the same folder; only the first clears it.
      emptyOutDir: !isPreload,
      target: 'node22',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rolldownOptions: {
        external,
        output: isPreload
          ? { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false }
          : { format: 'es', entryFileNames: 'main.js', codeSplitting: false },
      },
    },
  };
});
