import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichNode } from '../../../shared/domain/fieldwork';
import { storeText } from '../../helpers/store-text';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const NOW = new Date('2040-01-01T12:00:00Z');
const para = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...blocks: RichNode[]): RichNode => ({ type: 'doc', content: blocks });

let caseA = '';
let caseB = '';
let caseC = '';
let noteA = '';

async function takeReferral(personId: string | undefined, words: string) {
  return t.call('caseload.referrals.create', {
    ...(personId
      ? { personId }
      : { person: { firstName: 'Nadia', lastName: 'Quorvath', dateOfBirth: '2010-04-02', localAuthority: 'Kent' } }),
    referral: { referralDate: '2026-01-05', serviceUserType: 'CIC', source: 'social_worker' },
    issues: [{ code: 'PLACEMENT', description: words }],
  });
}

/** Every row of every table except the audit trail, as text, to look for what should be gone. */
const everyRow = (): string => [...storeText(t.core.context.db(), ['audit_log']).values()].join('\n');

beforeAll(async () => {
  t = await createTestCore({ now: () => NOW });
  const a = await takeReferral(undefined, 'Wants to move nearer Zanzibarqx college');
  caseA = a.caseId;
  const detail = await t.call('caseload.case.get', { caseId: caseA });
  const personId = detail?.person?.id ?? '';
  caseB = (await takeReferral(personId, 'Contact with her brother')).caseId;
  caseC = (
    await t.call('caseload.referrals.create', {
      person: { firstName: 'Tomasz', lastName: 'Kowalczyk', dateOfBirth: '2009-09-09' },
      referral: { referralDate: '2026-01-06', serviceUserType: 'CL', source: 'self' },
      issues: [{ code: 'HOUSING', description: 'Needs Zanzibarqx housing advice' }],
    })
  ).caseId;

  const note = await t.call('fieldwork.notes.create', { caseId: caseA, title: 'Visit' });
  noteA = note.id;
  await t.call('fieldwork.notes.save', { id: noteA, title: 'Visit', body: doc(para('First draft about Zanzibarqx')) });
  await t.call('fieldwork.notes.save', {
    id: noteA,
    title: 'Visit',
    body: doc(para('Second draft about Zanzibarqx and the foster carer')),
    reason: 'blur',
  });
  const noteC = await t.call('fieldwork.notes.create', { caseId: caseC, title: 'Call' });
  await t.call('fieldwork.notes.save', {
    id: noteC.id,
    title: 'Call',
    body: doc(para('Zanzibarqx housing office rang back')),
  });
  const concern = await t.call('fieldwork.safeguarding.create', {
    caseId: caseA,
    record: {
      disclosedAt: '2026-02-01T10:00',
      disclosure: 'Said something worrying',
      decision: 'Referred to MASH',
      reason: 'Risk of harm',
    },
  });
  await t.call('drafts.save', { key: `letter:${caseA}`, content: 'Dear Sir, about Nadia' });
  // A table a later feature might add: found by its case_id column, and its children by their …_id link.
  const db = t.core.context.db();
  db.exec(
    'CREATE TABLE future_things (id TEXT PRIMARY KEY, case_id TEXT, words TEXT); CREATE TABLE future_parts (id TEXT PRIMARY KEY, thing_id TEXT, words TEXT);',
  );
  db.prepare("INSERT INTO future_things VALUES ('ft-1', ?, 'Nadia future words')").run(caseA);
  db.prepare("INSERT INTO future_parts VALUES ('fp-1', 'ft-1', 'Nadia part words')").run();

  await t.call('caseload.case.close', {
    caseId: caseA,
    closureDate: '2026-06-01',
    closureOutcome: 'all_issues_resolved',
    decisions: [{ kind: 'safeguarding', id: concern.id, decision: 'carry', reason: 'MASH still deciding' }],
  });
  await t.call('caseload.case.close', { caseId: caseC, closureDate: '2039-06-01', closureOutcome: 'lost_contact' });
});
afterAll(() => t.dispose());

describe('retention review and erasure', () => {
  it('lists the closed cases the policy makes due, and only those', async () => {
    expect((await t.call('retention.policy.get', {})).basis).toBe('later');
    // Under the default (25th birthday + 6 years is later), nothing is due yet.
    expect((await t.call('retention.due', {})).rows).toEqual([]);
    await t.call('retention.policy.set', { basis: 'closure', years: 6 });
    const due = await t.call('retention.due', {});
    expect(due.rows.map((r) => [r.caseId, r.dueOn])).toEqual([[caseA, '2032-06-01']]);
  });

  it('refuses to erase without the typed confirmation, or a case that is not due', async () => {
    await expect(t.call('retention.erase', { caseIds: [caseA], confirmCount: 2 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(t.call('retention.erase', { caseIds: [caseC], confirmCount: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await t.call('caseload.case.get', { caseId: caseC })).not.toBeNull();
  });

  it('erases the case, its notes, versions, safeguarding records, drafts and search entries', async () => {
    const result = await t.call('retention.erase', { caseIds: [caseA], confirmCount: 1 });
    expect(result.erased).toBe(1);
    const rows = everyRow();
    expect(rows).not.toContain(caseA);
    expect(rows).not.toContain(noteA);
    expect(rows).not.toContain('Said something worrying');
    expect(rows).not.toContain('Nadia future words');
    expect(rows).not.toContain('Nadia part words');
    expect(rows).not.toContain('Dear Sir, about Nadia');
    expect(rows).not.toContain('foster carer');
    expect(rows).not.toContain('nearer Zanzibarqx');
    const db = t.core.context.db();
    expect(db.prepare("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'carer'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM caseload_fts WHERE caseload_fts MATCH 'nearer'").pluck().get()).toBe(0);
  });

  it('keeps the person while another case of theirs is held, and leaves other cases alone', async () => {
    const b = await t.call('caseload.case.get', { caseId: caseB });
    expect(b?.person?.lastName).toBe('Quorvath');
    const hits = await t.call('fieldwork.notes.search', { query: 'Zanzibarqx' });
    expect(hits).toHaveLength(1);
    expect(await t.call('caseload.case.get', { caseId: caseC })).not.toBeNull();
  });

  it('keeps in the audit trail that the erasure happened, without personal data', async () => {
    const trail = await t.call('audit.list', { caseId: caseA, limit: 5 });
    const entry = trail.entries[0];
    expect(entry).toMatchObject({ action: 'retention-deleted', caseId: caseA, caseReference: null });
    expect(JSON.stringify(trail)).not.toMatch(/Nadia|Quorvath|Zanzibarqx/);
    expect(await t.call('audit.check', {})).toMatchObject({ intact: true });
  });
});
