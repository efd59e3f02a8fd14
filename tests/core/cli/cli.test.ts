import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/core/cli/commands/index';
import type { CliIo } from '../../../electron/core/cli/io';
import { runCli } from '../../../electron/core/cli/run-cli';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env,
    askSecret: () => Promise.reject(new Error('no terminal in tests')),
  };
  return { value, out, err };
}

describe('npm run heard -- init / unlock-check', () => {
  it('creates a store, then checks the passphrase: 0 when right, non-zero with a clear message when not', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'heard-cli-')), 'store');
    const pass = { HEARD_PASSPHRASE: 'walnut harbour silver kite' };
    const init = io(pass);
    expect(await runCli(['init', '--data-dir', dir], init.value, commands)).toBe(0);
    expect(init.out.join('')).toContain('Created an encrypted Heard store');

    const again = io(pass);
    expect(await runCli(['init', '--data-dir', dir], again.value, commands)).not.toBe(0);
    expect(again.err.join('')).toContain('already holds a Heard store');

    expect(await runCli(['unlock-check', '--data-dir', dir], io(pass).value, commands)).toBe(0);
    const wrong = io({ HEARD_PASSPHRASE: 'walnut harbour silver kites' });
    expect(await runCli(['unlock-check', '--data-dir', dir], wrong.value, commands)).not.toBe(0);
    expect(wrong.err.join('')).toContain('That passphrase is not right');
  });

  it('refuses a weak passphrase at init', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'heard-cli-')), 'store');
    const weak = io({ HEARD_PASSPHRASE: 'password' });
    expect(await runCli(['init', '--data-dir', dir], weak.value, commands)).not.toBe(0);
    expect(weak.err.join('')).toMatch(/at least 12 characters/);
  });

  it('explains a missing --data-dir, an unknown command and an empty store', async () => {
    const a = io();
    expect(await runCli(['unlock-check'], a.value, commands)).toBe(2);
    expect(a.err.join('')).toContain('--data-dir');
    const b = io();
    expect(await runCli(['frobnicate'], b.value, commands)).toBe(2);
    expect(b.err.join('')).toContain('no command called "frobnicate"');
    const c = io({ HEARD_PASSPHRASE: 'x' });
    expect(
      await runCli(['unlock-check', '--data-dir', mkdtempSync(join(tmpdir(), 'heard-empty-'))], c.value, commands),
    ).not.toBe(0);
    expect(c.err.join('')).toContain('There is no Heard store');
  });
});
