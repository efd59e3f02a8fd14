import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/core/audit/audit-log';
import { withAudit } from '../../../electron/core/audit/audited-call';
import { auditCheckCommand } from '../../../electron/core/cli/commands/audit-check';
import type { CliIo } from '../../../electron/core/cli/io';
import type { Envelope } from '../../../shared/ipc/errors';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';

let t: TestCore;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.dispose());

const ok: Envelope<unknown> = { ok: true, value: {} };

function cliIo(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    env: { HEARD_PASSPHRASE: TEST_PASSPHRASE },
    askSecret: async () => TEST_PASSPHRASE,
  };
}

const rows = () =>
  t.core.context.db().prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];

describe('audit trail', () => {
  it('records case access, edits and exports with method, case, device and time, and never the contents', async () => {
    const before = rows().length;
    const call = withAudit(
      t.core.context,
      async () => ok,
      () => {},
    );
    await call('fieldwork.notes.list', { caseId: 'case-1' });
    await call('fieldwork.notes.list', { caseId: 'case-1' }); // the same case page loading again: one opening
    await call('fieldwork.contacts.save', {
      caseId: 'case-1',
      contact: { summary: 'Amira said she wants to stay at school' },
    });
    await call('reports.csv', { period: {} });
    const added = rows().slice(before);
    expect(added.map((r) => [r.action, r.method, r.case_id])).toEqual([
      ['case-opened', 'fieldwork.notes.list', 'case-1'],
      ['edited', 'fieldwork.contacts.save', 'case-1'],
      ['exported', 'reports.csv', null],
    ]);
    expect(added.every((r) => r.device_id === t.core.context.deviceId())).toBe(true);
    expect(JSON.stringify(added)).not.toContain('Amira');
  });

  it('shows the person, the record and the fields changed, in words, and never the values', async () => {
    await t.call('caseload.me.setName', { name: 'Sam Okafor' });
    const made = await t.call('caseload.referrals.create', {
      person: { firstName: 'Zainab', lastName: 'Haidari', dateOfBirth: '2011-02-03', localAuthority: 'Kent' },
      referral: { referralDate: '2026-05-01', serviceUserType: 'CIC', urgency: 'standard' },
      issues: [{ code: 'PLACEMENT', description: 'Wants to live nearer her sister' }],
    });
    await t.call('caseload.referrals.update', {
      caseId: made.caseId,
      fields: { urgency: 'urgent', urgencyReason: 'Placement ends Friday' },
    });
    const { entries } = await t.call('audit.list', { caseId: made.caseId });
    // Editing a saved referral keeps a correction in the case's history: one entry says so.
    const updates = entries.filter((e) => e.method === 'caseload.referrals.update');
    const created = entries.find((e) => e.method === 'caseload.referrals.create');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ action: 'corrected', person: 'Sam Okafor', caseReference: made.reference });
    expect(updates[0]!.description).toBe('Corrected the referral: urgency and urgency reason');
    expect(created!.description).toBe('Changed a new referral: added a person, a referral and a referral issue');
    const all = JSON.stringify(rows().slice(-3));
    for (const secret of ['Zainab', 'Haidari', 'Placement ends Friday', 'nearer her sister'])
      expect(all).not.toContain(secret);
  });

  it('finds the case of a call that names only a record of it', async () => {
    const note = await t.call('fieldwork.notes.create', { caseId: 'case-r1', title: 'Visit' });
    const before = rows().length;
    await t.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Visit',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Went well' }] }] },
    });
    expect(
      rows()
        .slice(before)
        .map((r) => [r.action, r.method, r.case_id]),
    ).toEqual([['edited', 'fieldwork.notes.save', 'case-r1']]);
  });

  it('does not record a call that failed', async () => {
    const before = rows().length;
    const failing = withAudit(
      t.core.context,
      async () => ({ ok: false, error: { code: 'not_found', message: 'x' } }),
      () => {},
    );
    await failing('fieldwork.contacts.save', { caseId: 'case-2' });
    expect(rows().length).toBe(before);
  });

  it('keeps failed unlocks while locked and appends them at the next unlock', async () => {
    await t.call('vault.lock', { reason: 'user' });
    const wrong = await t.core.call('vault.unlock', { passphrase: 'not the passphrase' });
    expect(wrong.ok).toBe(false);
    let status = t.core.vault.status();
    while (status.state === 'locked' && status.retryAfterMs > 0) {
      await new Promise((r) => setTimeout(r, status.state === 'locked' ? status.retryAfterMs : 0));
      status = t.core.vault.status();
    }
    await t.call('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const last = rows().slice(-2);
    expect(last.map((r) => [r.action, r.method])).toEqual([
      ['unlock-failed', 'vault.unlock'],
      ['unlocked', 'vault.unlock'],
    ]);
    expect(await t.call('audit.check', {})).toMatchObject({ intact: true });
  });

  it('lists a case’s trail newest first', async () => {
    const list = await t.call('audit.list', { caseId: 'case-1' });
    expect(list.entries.map((e) => e.action)).toEqual(['edited', 'case-opened']);
    expect(list.entries.map((e) => e.description)).toEqual(['Changed a contact', "Opened the case's notes"]);
  });

  it('audit-check reports an intact chain, then the first broken link after tampering', async () => {
    const db = t.core.context.db();
    appendAudit(db, 'd', new Date(), [{ action: 'synced' }, { action: 'synced' }, { action: 'synced' }]);
    t.core.close();
    let io = cliIo();
    expect(await auditCheckCommand.run(['--data-dir', t.dataDir], io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/intact/);

    await t.restart();
    const raw = t.core.context.db();
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const victim = raw.prepare('SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1').pluck().get() as number;
    raw.prepare("UPDATE audit_log SET case_id = 'someone-else' WHERE seq = ?").run(victim);
    t.core.close();
    io = cliIo();
    expect(await auditCheckCommand.run(['--data-dir', t.dataDir], io)).toBe(5);
    expect(io.lines.join('\n')).toContain(`broken at entry ${victim}: its contents no longer match`);
  });

  it('reports removed entries in the middle and at the end', async () => {
    await t.restart();
    const db = t.core.context.db();
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.prepare('DELETE FROM audit_log WHERE seq <= 2').run(); // the altered one too
    db.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    let report = await t.call('audit.check', {});
    expect(report.firstBreak).toEqual({ seq: 3, kind: 'unlinked' });

    // Put a self-consistent chain of the survivors back together: only the end is now missing.
    const survivors = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { action: string }[];
    db.exec('DELETE FROM audit_log');
    const head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").pluck().get() as string;
    appendAudit(
      db,
      'd',
      new Date(),
      survivors.map((s) => ({ action: s.action as 'synced' })),
    );
    db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(head);
    report = await t.call('audit.check', {});
    expect(report.firstBreak?.kind).toBe('truncated');
  });
});
