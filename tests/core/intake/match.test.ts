import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPossibleMatch } from '../../../electron/core/intake/match';
import { createTestCore, type TestCore } from '../../helpers/test-core';

describe('possible match for an online referral', () => {
  let t: TestCore;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestCore({ autoSync: false });
    const known = [
      { key: 'amira', firstName: 'Amira', lastName: 'Haddad', preferredName: null, dateOfBirth: '2011-04-09' },
      { key: 'jay', firstName: 'Jayden', lastName: 'Okafor', preferredName: 'Jay', dateOfBirth: '2009-11-30' },
      { key: 'removed', firstName: 'Rhiannon', lastName: 'Pryce', preferredName: null, dateOfBirth: '2010-01-01' },
    ];
    for (const p of known) {
      const { caseId } = await t.call('caseload.referrals.create', {
        person: {
          kind: 'young_person',
          firstName: p.firstName,
          lastName: p.lastName,
          preferredName: p.preferredName,
          dateOfBirth: p.dateOfBirth,
        },
        referral: { referralDate: '2026-02-01', serviceUserType: 'CIC' },
        issues: [{ code: 'PLACEMENT' }],
      });
      people[p.key] = (await t.call('caseload.case.get', { caseId }))!.person!.id;
      if (p.key === 'removed') t.core.context.write((w) => w.remove('referral', caseId, caseId));
    }
  });
  afterAll(() => t.dispose());

  const match = (
    q: Partial<{ firstName: string; lastName: string; preferredName: string; dateOfBirth: string | null }>,
  ) =>
    findPossibleMatch(t.core.context.db(), { firstName: '', lastName: '', preferredName: '', dateOfBirth: null, ...q });

  it('flags the same date of birth with a name in common, whatever the case or accents', () => {
    expect(match({ firstName: 'amira', lastName: 'Smith', dateOfBirth: '2011-04-09' })).toBe(people.amira);
    expect(match({ firstName: 'Jay', lastName: 'Okafor', dateOfBirth: '2009-11-30' })).toBe(people.jay);
    expect(match({ firstName: 'Ámira', lastName: 'Haddad', dateOfBirth: '2011-04-09' })).toBe(people.amira);
  });

  it('flags the same names with a date of birth that is close, swapped or not given', () => {
    expect(match({ firstName: 'Amira', lastName: 'Haddad', dateOfBirth: '2011-04-19' })).toBe(people.amira);
    expect(match({ firstName: 'Amira', lastName: 'Haddad', dateOfBirth: '2011-09-04' })).toBe(people.amira);
    expect(match({ firstName: 'Amira', lastName: 'Haddad', dateOfBirth: null })).toBe(people.amira);
  });

  it('does not flag a different child: names apart, dates far apart, or someone whose only referral was deleted', () => {
    expect(match({ firstName: 'Sofia', lastName: 'Grant', dateOfBirth: '2011-04-09' })).toBeNull();
    expect(match({ firstName: 'Amira', lastName: 'Haddad', dateOfBirth: '2014-06-20' })).toBeNull();
    expect(match({ firstName: 'Amira', lastName: 'Khan', dateOfBirth: '2011-06-20' })).toBeNull();
    expect(match({ firstName: 'Rhiannon', lastName: 'Pryce', dateOfBirth: '2010-01-01' })).toBeNull();
  });
});
