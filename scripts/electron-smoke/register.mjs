// Loads the built main process in plain Node with a stand-in 'electron' module, to prove the
// bundle itself starts (imports resolve, core opens, the window is asked to load heard://app).
// Usage: npm run build:electron && node --import ./scripts/electron-smoke/register.mjs dist/electron/main.js
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const fake = ${JSON.stringify(new URL('./fake-electron.mjs', import.meta.url).href)};
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}`),
);
