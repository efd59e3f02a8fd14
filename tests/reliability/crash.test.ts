import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { checkAuditChain } from '../../electron/core/audit/audit-log';
import { openEncrypted } from '../../electron/core/db/database';
import { readKeyFile, writeKeyFile } from '../../electron/core/vault/key-file';
import { unwrapKey, wrapKey } from '../../electron/core/vault/key-wrap';
import { noKeychain } from '../../electron/core/vault/keychain';
import { DATABASE_FILE, KEY_FILE } from '../../electron/core/vault/vault';
import { seededRandom } from '../../shared/domain/seeded-random';
import { TEST_PASSPHRASE } from '../helpers/test-core';

/**
 * Kills a process that is writing through the real core (SIGKILL, no chance to clean up) at
 * random points, 200 times, and after each kill checks that the store opens, SQLite's integrity
 * check passes, every write the process acknowledged is there, and the audit chain is unbroken.
 * Two stores are hammered side by side to keep the run short.
 */
const KILLS = Number(process.env.HEARD_CRASH_KILLS ?? 200);
/** Stores written side by side; raise it on machines with more cores. */
const LANES = Math.max(1, Number(process.env.HEARD_CRASH_LANES ?? 2));
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

interface Lane {
  dir: string;
  key: Buffer;
}

let work: string;
let childCommand: string[];
let bundled: string | null = null;
const lanes: Lane[] = [];

/** The child is bundled once so each restart costs Node's start and the unlock, not a TypeScript compile. */
async function buildChild(): Promise<string[]> {
  const entry = join(here, 'crash-child.ts');
  try {
    const esbuild = await import('esbuild');
    // Inside the project, so the bundle's `import 'better-sqlite3-multiple-ciphers'` resolves.
    const out = join(root, 'node_modules', '.cache', 'heard-crash', `crash-child-${process.pid}.mjs`);
    bundled = out;
    esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: out,
      packages: 'external',
      absWorkingDir: root,
      logLevel: 'silent',
    });
    return [out];
  } catch {
    return ['--import', 'tsx', entry];
  }
}

interface Round {
  acked: number[];
  killedBeforeReady: boolean;
}

function runAndKill(lane: Lane, from: number, rand: () => number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childCommand, {
      cwd: root,
      env: {
        ...process.env,
        HEARD_CRASH_DIR: lane.dir,
        HEARD_PASSPHRASE: TEST_PASSPHRASE,
        HEARD_CRASH_FROM: String(from),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let ready = false;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    // One kill in six lands anywhere in start-up (opening, migrating, unlocking); the rest mid-writes.
    const early = rand() < 1 / 6;
    if (early) timer = setTimeout(kill, Math.floor(rand() * 600));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!ready && out.includes('ready\n')) {
        ready = true;
        if (!early) timer = setTimeout(kill, Math.floor(rand() * 150));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`The writer stopped by itself: ${err.slice(0, 500)}`));
      const acked = [...out.matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ acked, killedBeforeReady: !ready });
    });
  });
}

function verify(lane: Lane, acked: number[]): void {
  const db = openEncrypted(join(lane.dir, DATABASE_FILE), lane.key, { mustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const draft = db.prepare('SELECT content FROM drafts WHERE key = ?').pluck();
    // The writer creates its table after unlocking; a kill during start-up can come before that.
    const hasItems =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'crash_items'").get() !== undefined;
    const itemQuery = hasItems ? db.prepare('SELECT n FROM crash_items WHERE id = ?').pluck() : null;
    const item = { get: (id: string): unknown => itemQuery?.get(id) };
    const outbox = db.prepare("SELECT count(*) FROM outbox WHERE entity = 'crash_item' AND entity_id = ?").pluck();
    // An entry's detail is stored as JSON (who, the text, the fields changed); the child's text is n.
    const audit = db
      .prepare("SELECT count(*) FROM audit_log WHERE method = 'crash.test' AND json_extract(detail, '$.text') = ?")
      .pluck();
    const missing: number[] = [];
    for (const n of acked) {
      const kind = n % 3;
      const present =
        kind === 0
          ? String(draft.get(`crash-${n}`) ?? '').startsWith(`${n}:`)
          : kind === 1
            ? item.get(`item-${n}`) === n && (outbox.get(`item-${n}`) as number) >= 2
            : audit.get(String(n)) === 1;
      if (!present) missing.push(n);
    }
    expect(missing).toEqual([]);
    expect(checkAuditChain(db).firstBreak).toBeNull();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'heard-crash-'));
  childCommand = await buildChild();
  for (let i = 0; i < LANES; i++) {
    const dir = join(work, `store-${i}`);
    const core = createCore({ dataDir: dir });
    await core.vault.setup(TEST_PASSPHRASE);
    core.close();
    const file = readKeyFile(join(dir, KEY_FILE), noKeychain);
    if (file.kind !== 'ok') throw new Error('no key file');
    const key = await unwrapKey(file.wrapped, TEST_PASSPHRASE);
    if (!key) throw new Error('key did not unwrap');
    // The child unlocks through the real Vault every time; with the key rewrapped at the lowest
    // scrypt cost the key file accepts, 200 unlocks fit in the run. The database is the same.
    writeKeyFile(join(dir, KEY_FILE), await wrapKey(key, TEST_PASSPHRASE, { N: 2 ** 14, r: 8, p: 1 }), noKeychain);
    lanes.push({ dir, key });
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (bundled) rmSync(bundled, { force: true });
});

describe('crash safety', () => {
  it(`keeps every acknowledged write through ${KILLS} SIGKILLs`, async () => {
    const startSeed = Number(process.env.HEARD_CRASH_SEED ?? Date.now() % 2 ** 31);
    // Seeded, so a failing run can be repeated with HEARD_CRASH_SEED.
    const rand = seededRandom(startSeed);
    let kills = 0;
    let early = 0;
    let checked = 0;
    await Promise.all(
      lanes.map(async (lane, laneIndex) => {
        for (let round = 0; kills < KILLS; round++) {
          kills += 1;
          const from = (laneIndex * 1_000 + round) * 1_000_000;
          const r = await runAndKill(lane, from, rand);
          if (r.killedBeforeReady) early += 1;
          verify(lane, r.acked);
          checked += r.acked.length;
        }
      }),
    );
    // The real unlock path still opens each store afterwards.
    for (const lane of lanes) {
      const core = createCore({ dataDir: lane.dir });
      await core.vault.unlock(TEST_PASSPHRASE);
      const check = await core.call('audit.check', {});
      core.close();
      expect(check).toMatchObject({ ok: true, value: { intact: true } });
    }
    console.log(
      `crash test (seed ${startSeed}): ${kills} SIGKILLs (${early} during start-up or unlock), ${checked} acknowledged writes all present, integrity_check ok after every kill`,
    );
    expect(kills).toBe(KILLS);
    expect(checked).toBeGreaterThan(0);
  }, 1_800_000);
});
