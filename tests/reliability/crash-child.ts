/**
 * The process the crash test kills. It unlocks a real store through the real core and writes as
 * fast as it can, printing `ack <n>` only after write n has committed. Three kinds of write take
 * turns: a draft through the IPC dispatch path, a synced-record upsert through the Writer (row and
 * outbox in one transaction), and an audit-trail append (the hash chain).
 *
 * Environment: HEARD_CRASH_DIR (data folder), HEARD_PASSPHRASE, HEARD_CRASH_FROM (first number).
 */
import { createCore } from '../../electron/core/app-core';
import { appendAudit } from '../../electron/core/audit/audit-log';
import { Writer } from '../../electron/core/db/mutations';

const dir = process.env.HEARD_CRASH_DIR ?? '';
const passphrase = process.env.HEARD_PASSPHRASE ?? '';
let n = Number(process.env.HEARD_CRASH_FROM ?? '0');

const CRASH_ENTITY = { crash_item: { table: 'crash_items', fields: ['n', 'body'] } };

const core = createCore({ dataDir: dir });
// A kill in the middle of an unlock leaves that attempt counted (the throttle records it before
// the slow check), so the next start may be asked to wait: it waits, as a person would.
for (;;) {
  try {
    await core.vault.unlock(passphrase);
    break;
  } catch (e) {
    const delayed = e as { code?: string; retryAfterMs?: number };
    if (delayed.code !== 'unlock_delayed') throw e;
    await new Promise((r) => setTimeout(r, delayed.retryAfterMs ?? 1000));
  }
}
const db = core.context.db();
db.exec('CREATE TABLE IF NOT EXISTS crash_items (id TEXT PRIMARY KEY, n INTEGER, body TEXT, deleted_at TEXT) STRICT');
process.stdout.write('ready\n');

const body = 'x'.repeat(300);
for (;;) {
  n += 1;
  const kind = n % 3;
  if (kind === 0) {
    const r = await core.call('drafts.save', { key: `crash-${n}`, content: `${n}:${body}` });
    if (!r.ok) throw new Error(`drafts.save failed: ${r.error.code}`);
  } else if (kind === 1) {
    const writer = new Writer(db, core.context.clock(), CRASH_ENTITY);
    db.transaction(() => writer.upsert('crash_item', `item-${n}`, `case-${n % 7}`, { n, body })).immediate();
  } else {
    appendAudit(db, core.context.deviceId(), new Date(), [
      { action: 'edited', method: 'crash.test', caseId: `case-${n % 7}`, detail: String(n) },
    ]);
  }
  process.stdout.write(`ack ${n}\n`);
}
