import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/app-core';
import { startWebHost } from './server';

/** `npm run web`: the real core and the built renderer on 127.0.0.1, for browsers and end-to-end tests. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    allowPositionals: false,
  });
  const dataDir = resolve(values['data-dir'] ?? process.env.HEARD_DATA_DIR ?? join(homedir(), '.heard', 'web'));
  const staticDir = resolve(import.meta.dirname, '../../dist/renderer');
  const token = randomBytes(24).toString('base64url');
  const core = createCore({ dataDir, log: (line) => process.stderr.write(`${line}\n`) });
  const host = await startWebHost({ core, staticDir, token, port: values.port ? Number(values.port) : 0 });
  const address = `${host.url}?token=${token}`;
  process.stdout.write(`Heard is running. Open this address in your browser:\n  ${address}\nData folder: ${dataDir}\n`);
  // A stable line for the end-to-end tests to read the address from.
  process.stdout.write(`HEARD_WEB_READY ${address}\n`);
  const stop = (): void => {
    core.close();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
