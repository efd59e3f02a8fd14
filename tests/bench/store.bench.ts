import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncrypted, openPlain, type Db } from '../../electron/core/db/database';
import { noKeychain } from '../../electron/core/vault/keychain';
import { Vault } from '../../electron/core/vault/vault';
import { median, timeRuns } from './stats';
import type { BenchResult } from './types';

const PASS = 'orange kettle mountain violin';

/** Insert 20,000 note-like rows in batches of 500, then 2,000 indexed look-ups and a LIKE scan. */
function workload(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, case_id TEXT, body TEXT, created TEXT)');
  db.exec('CREATE INDEX IF NOT EXISTS bench_case ON bench(case_id)');
  const insert = db.prepare('INSERT INTO bench (case_id, body, created) VALUES (?, ?, ?)');
  const text = 'Visited at the placement; talked about school, contact with mum and the review next week. '.repeat(4);
  for (let batch = 0; batch < 40; batch++) {
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`case-${(batch * 500 + i) % 700}`, text, '2026-11-01');
    })();
  }
  const byCase = db.prepare('SELECT count(*) FROM bench WHERE case_id = ?').pluck();
  for (let i = 0; i < 2000; i++) byCase.get(`case-${i % 700}`);
  db.prepare("SELECT count(*) FROM bench WHERE body LIKE '%review%'").pluck().get();
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'heard-bench-store-'));
  try {
    const vault = new Vault(join(dir, 'vault'), { keychain: noKeychain });
    await vault.setup(PASS);
    vault.lock();
    // Unlock = scrypt key derivation + unwrap + open + migrations check + first query.
    const unlocks = await timeRuns(7, async () => {
      await vault.unlock(PASS);
      vault.database().prepare('SELECT count(*) FROM drafts').get();
      vault.lock();
    });

    const encryptedTimes: number[] = [];
    const plainTimes: number[] = [];
    // Alternate runs so machine noise falls on both sides alike.
    for (let round = 0; round < 5; round++) {
      const e = openEncrypted(join(dir, `enc-${round}.db`), randomBytes(32));
      encryptedTimes.push(...(await timeRuns(1, () => workload(e))));
      e.close();
      const p = openPlain(join(dir, `plain-${round}.db`));
      plainTimes.push(...(await timeRuns(1, () => workload(p))));
      p.close();
    }
    const unlock = median(unlocks);
    const enc = median(encryptedTimes);
    const plain = median(plainTimes);
    return [
      {
        name: 'unlock (scrypt N=2^17 + open + first query), median of 7',
        value: unlock,
        unit: 'ms',
        target: '≤ 1000 ms',
        met: unlock <= 1000,
      },
      {
        name: 'insert 20,000 rows + 2,000 indexed reads + a scan, encrypted, median of 5',
        value: enc,
        unit: 'ms',
        baseline: { name: 'same workload on plain SQLite', value: plain },
        target: '≤ 1.3×',
        met: enc / plain <= 1.3,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
