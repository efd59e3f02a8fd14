import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoData } from '../../../electron/core/caseload/demo-data';
import { ftsQuery } from '../../../electron/core/caseload/queries';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const NOW = new Date('2026-05-20T10:00:00Z');
beforeAll(async () => {
  t = await createTestCore({ now: () => NOW });
  createDemoData(t.core.context, { referrals: 400, seed: 42, batchSize: 150 });
});
afterAll(() => t.dispose());
const db = () => t.core.context.db();

describe('demo data', () => {
  it('makes the referrals asked for, for fewer people, with names in several scripts', () => {
    expect(db().prepare('SELECT count(*) FROM referrals').pluck().get()).toBe(400);
    const people = db().prepare('SELECT count(*) FROM people').pluck().get() as number;
    expect(people).toBeGreaterThan(250);
    expect(people).toBeLessThan(400);
    const names = db().prepare('SELECT first_name FROM people').pluck().all() as string[];
    const scripts = [
      /\p{Script=Latin}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Ethiopic}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Han}/u,
    ];
    expect(scripts.filter((s) => names.some((n) => s.test(n))).length).toBeGreaterThanOrEqual(4);
  });

  it('is consistent: allocation and closure after referral, every closed case has an outcome, no closure in the future', () => {
    const bad = db()
      .prepare(
        `SELECT count(*) FROM referrals WHERE allocation_date < referral_date OR closure_date < referral_date
           OR (status = 'closed' AND closure_outcome IS NULL) OR closure_date > '2026-05-20'
           OR (status = 'open' AND allocated_to IS NULL) OR (status = 'awaiting_allocation' AND allocated_to IS NOT NULL)`,
      )
      .pluck()
      .get();
    expect(bad).toBe(0);
    const statuses = db().prepare('SELECT DISTINCT status FROM referrals ORDER BY 1').pluck().all();
    expect(statuses).toEqual(['awaiting_allocation', 'closed', 'open']);
  });

  it('gives the person trying it a caseload of their own', async () => {
    const mine = await t.call('caseload.list', { mine: true, statuses: ['open'] });
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.status === 'open')).toBe(true);
  });
});

describe('caseload filters and search', () => {
  it('filters by status, service-user type, urgency and local authority together', async () => {
    const councils = await t.call('caseload.localAuthorities', {});
    // Councils are offered by ONS code with their names, in name order.
    expect(councils.every((c) => /^E0[689]\d{6}$|^E10\d{6}$/.test(c.code) && c.name !== c.code)).toBe(true);
    expect(councils.map((c) => c.name)).toEqual(
      [...councils.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'en-GB')),
    );
    const la = councils[0]!.code;
    const r = await t.call('caseload.list', {
      statuses: ['closed'],
      serviceUserTypes: ['CIC', 'CL'],
      urgencies: ['standard'],
      localAuthorities: [la],
    });
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows)
      expect(row).toMatchObject({
        status: 'closed',
        urgency: 'standard',
        localAuthority: la,
        serviceUserType: expect.stringMatching(/^(CIC|CL)$/),
      });
  });

  it('finds a name written in another script from its first letters', async () => {
    const name = db()
      .prepare("SELECT first_name FROM people WHERE first_name GLOB '*[ء-ي]*' LIMIT 1")
      .pluck()
      .get() as string;
    const r = await t.call('caseload.list', { query: name.slice(0, 2), statuses: [] });
    expect(r.rows.length).toBeGreaterThan(0);
    const ids = r.rows.map((x) => x.caseId);
    const withName = db()
      .prepare(
        'SELECT r.id FROM referrals r JOIN people p ON p.id = r.person_id WHERE p.first_name = ? OR p.preferred_name = ? OR p.last_name = ?',
      )
      .pluck()
      .all(name, name, name) as string[];
    expect(withName.some((id) => ids.includes(id))).toBe(true);
  });

  it('finds a referral by part of its reference, and every word typed must match', async () => {
    expect(
      (await t.call('caseload.list', { query: 'DEMO-000123', statuses: [] })).rows.map((r) => r.reference),
    ).toEqual(['DEMO-000123']);
    expect((await t.call('caseload.list', { query: 'placement zzzz', statuses: [] })).rows).toEqual([]);
  });

  it('never passes what is typed through as search syntax', () => {
    expect(ftsQuery('"NEAR(a b)" OR *')).toBe('"NEAR"* "a"* "b"* "OR"*');
    expect(ftsQuery('  --  ')).toBeNull();
  });
});
