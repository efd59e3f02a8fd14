import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Lives outside renderer/ because it is a Node build script, and renderer/ holds only browser code.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    // Source maps would carry code only, but we keep the bundle lean for the packaged app.
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
