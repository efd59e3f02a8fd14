import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../helpers/test-core';

describe('councils kept by ONS code', () => {
  let t: TestCore;
  const make = (firstName: string, localAuthority: string) =>
    t.call('caseload.referrals.create', {
      person: { firstName, localAuthority },
      referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
      issues: [{ code: 'CONTACT' }],
    });
  const stored = (caseId: string) =>
    t.core.context
      .db()
      .prepare('SELECT p.local_authority FROM people p JOIN referrals r ON r.person_id = p.id WHERE r.id = ?')
      .pluck()
      .get(caseId);

  beforeAll(async () => {
    t = await createTestCore();
  });
  afterAll(() => t.dispose());

  it('keeps a council named in words as its code, and words that name no single council as typed, listed to choose', async () => {
    const a = await make('Amal', 'Lancashire County Council');
    const b = await make('Bo', 'Northamptonshire');
    expect(stored(a.caseId)).toBe('E10000017');
    expect(stored(b.caseId)).toBe('Northamptonshire');
    const list = await t.call('caseload.councils.unmatched', {});
    expect(list).toEqual([
      expect.objectContaining({ caseId: b.caseId, typed: 'Northamptonshire', suggestions: ['E06000061', 'E06000062'] }),
    ]);
  });

  it('records the council chosen, through the write path that syncs, and the list empties', async () => {
    const [row] = await t.call('caseload.councils.unmatched', {});
    const outboxBefore = t.core.context.db().prepare('SELECT count(*) FROM outbox').pluck().get() as number;
    expect(
      await t.call('caseload.councils.choose', { personId: row!.personId, caseId: row!.caseId, code: 'E06000062' }),
    ).toEqual({ code: 'E06000062', name: 'West Northamptonshire' });
    expect(stored(row!.caseId)).toBe('E06000062');
    expect(
      t.core.context.db().prepare("SELECT count(*) FROM outbox WHERE field = 'local_authority'").pluck().get(),
    ).toBeGreaterThan(0);
    expect(t.core.context.db().prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore + 1);
    expect(await t.call('caseload.councils.unmatched', {})).toEqual([]);
  });

  it('refuses a code not in the list, and a person who is not on the case named', async () => {
    const a = await make('Cai', 'Kent');
    const b = await make('Dee', 'Essex');
    const person = (caseId: string) =>
      t.core.context.db().prepare('SELECT person_id FROM referrals WHERE id = ?').pluck().get(caseId) as string;
    await expect(
      t.call('caseload.councils.choose', { personId: person(a.caseId), caseId: a.caseId, code: 'Kentish' }),
    ).rejects.toThrow(/Choose a council from the list/);
    await expect(
      t.call('caseload.councils.choose', { personId: person(a.caseId), caseId: b.caseId, code: 'E10000012' }),
    ).rejects.toThrow(/could not be found/);
    expect(stored(a.caseId)).toBe('E10000016');
  });
});
