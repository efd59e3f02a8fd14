import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv/rfc4180';
import { parseReferralCsv } from '../../../shared/domain/referral-import';
import { importCommand } from '../../../electron/core/cli/commands/import';
import { casesCommand } from '../../../electron/core/cli/commands/cases';
import type { CliIo } from '../../../electron/core/cli/io';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';

const HEADER = [
  'reference',
  'person_reference',
  'first_name',
  'last_name',
  'preferred_name',
  'date_of_birth',
  'gender',
  'service_user_type',
  'local_authority',
  'referral_date',
  'referral_source',
  'issues',
  'urgency',
  'allocated_to',
  'allocation_date',
  'closure_date',
  'closure_outcome',
];
type Row = Partial<Record<(typeof HEADER)[number], string>>;
const good = (over: Row = {}): Row => ({
  reference: 'A-001',
  person_reference: 'P-1',
  first_name: 'Amina',
  last_name: 'Yusuf',
  date_of_birth: '2009-03-14',
  gender: 'female',
  service_user_type: 'CIC',
  local_authority: 'Leeds',
  referral_date: '2025-01-10',
  referral_source: 'social_worker',
  issues: 'PLACEMENT;CONTACT',
  urgency: 'high',
  allocated_to: 'Sam Price',
  allocation_date: '2025-01-15',
  closure_date: '2025-04-01',
  closure_outcome: 'all_issues_resolved',
  ...over,
});
const csv = (...rows: Row[]) => toCsv([HEADER, ...rows.map((r) => HEADER.map((h) => r[h] ?? ''))]);
const TODAY = '2026-05-20';
const problemsOf = (...rows: Row[]) => parseReferralCsv(csv(...rows), TODAY).problems;

describe('import validation lists every problem by row, column and reason', () => {
  it('a bad date, saying why without repeating it', () => {
    expect(problemsOf(good({ referral_date: 'soon' }))).toEqual([
      {
        row: 2,
        column: 'referral_date',
        reason: expect.stringMatching(/Use dd\/mm\/yyyy \(for example 07\/03\/2026\) or YYYY-MM-DD/),
      },
    ]);
    expect(problemsOf(good({ date_of_birth: '2009-02-30' }))).toEqual([
      { row: 2, column: 'date_of_birth', reason: expect.stringMatching(/day does not exist in that month/) },
    ]);
    const us = problemsOf(good({ date_of_birth: '03/14/2009', referral_date: '31/02/2025' }));
    expect(us).toHaveLength(2);
    expect(us).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'referral_date', reason: expect.stringMatching(/day does not exist/) },
        { row: 2, column: 'date_of_birth', reason: expect.stringMatching(/US-style date with the month first/) },
      ]),
    );
    expect(JSON.stringify(us)).not.toMatch(/03\/14|14\/03|31\/02\/2025/);
  });
  it('an unknown code, without repeating the cell', () => {
    const p = problemsOf(good({ issues: 'PLACEMENT;ZZTOP', gender: 'Amina' }));
    expect(p.map((x) => x.column).sort()).toEqual(['gender', 'issues']);
    expect(p.find((x) => x.column === 'issues')!.reason).toMatch(/2nd issue is not one Heard knows/);
    expect(p.find((x) => x.column === 'gender')!.reason).toMatch(/Use one of: Female, Male, Non-binary/);
    expect(JSON.stringify(p)).not.toMatch(/ZZTOP|Amina/);
  });
  it('a council that is misspelt, or a name that covers several, without repeating the cell', () => {
    const p = problemsOf(
      good({ local_authority: 'Lancshire' }),
      good({ reference: 'A-002', local_authority: 'Cumbria' }),
    );
    expect(p).toEqual([
      {
        row: 2,
        column: 'local_authority',
        reason: expect.stringMatching(/not a council Heard knows.*Did you mean Lancashire\?/),
      },
      {
        row: 3,
        column: 'local_authority',
        reason: expect.stringMatching(/covers more than one council: Cumberland, Westmorland and Furness/),
      },
    ]);
    expect(JSON.stringify(p)).not.toMatch(/Lancshire|Cumbria/);
  });
  it('a date of birth in the future', () => {
    expect(problemsOf(good({ date_of_birth: '2027-01-01' }))).toEqual([
      { row: 2, column: 'date_of_birth', reason: 'The date of birth is in the future.' },
    ]);
  });
  it('closure before referral', () => {
    expect(problemsOf(good({ closure_date: '2024-12-31' }))).toEqual([
      { row: 2, column: 'closure_date', reason: 'The closure date is before the referral date.' },
    ]);
  });
  it('a duplicate reference in the file', () => {
    expect(problemsOf(good(), good({ person_reference: 'P-2' }))).toEqual([
      { row: 3, column: 'reference', reason: expect.stringMatching(/also used on row 2/) },
    ]);
  });
  it('closed without an outcome', () => {
    expect(problemsOf(good({ closure_outcome: '' }))).toEqual([
      { row: 2, column: 'closure_outcome', reason: expect.stringMatching(/closed but has no closure outcome/) },
    ]);
  });
  it('unknown or missing columns', () => {
    const p = parseReferralCsv('reference,refferal_date\nA-1,2025-01-01\n', TODAY).problems;
    expect(p).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'refferal_date', reason: 'This is not a known column name.' },
        { row: 1, column: 'referral_date', reason: 'This column is required but missing.' },
      ]),
    );
  });
  it('accepts columns in any order, empty optional cells and names in any script', () => {
    const text = 'referral_date,service_user_type,reference,first_name\n2025-02-01,CL,B-9,ملالی\n';
    expect(parseReferralCsv(text, TODAY)).toMatchObject({
      problems: [],
      rows: [{ reference: 'B-9', firstName: 'ملالی', serviceUserType: 'CL', issues: [] }],
    });
  });
});

describe('a spreadsheet saved the UK way', () => {
  // As Excel saves "CSV UTF-8" on a UK machine: a byte-order mark, CRLF line ends, dd/mm/yyyy
  // dates, the words the app shows instead of codes, and councils by their usual names.
  const ukFile =
    '\ufeffReference,Person_Reference,First_Name,Last_Name,Date_of_Birth,Gender,Service_User_Type,Local_Authority,Referral_Date,Referral_Source,Issues,Urgency,Allocated_To,Allocation_Date,Closure_Date,Closure_Outcome\r\n' +
    'UK-1,P-UK1,Amina,Yusuf,14/03/2009,Female,Child in care,Lancashire County Council,10/01/2025,Social worker,"Placement; Contact with family",High,Sam Price,15/01/2025,01/04/2025,All issues resolved\r\n' +
    'UK-2,P-UK2,Kacper,Nowak,1/9/08,male,care leaver,LANCASHIRE,3.2.2025,Self-referral,Leaving care,urgent,,,,\r\n' +
    'UK-3,P-UK3,Rahel,Tesfaye,2011-06-30,Non-binary,CIN,E10000017,2025-03-04,social_worker,SOCIAL_WORKER;housing,Standard,,,,\r\n';

  it('reads dd/mm/yyyy and ISO dates, the words shown in the app in any case, and councils by name or ONS code', () => {
    const r = parseReferralCsv(ukFile, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      expect.objectContaining({
        reference: 'UK-1',
        dateOfBirth: '2009-03-14',
        gender: 'female',
        serviceUserType: 'CIC',
        localAuthority: 'E10000017',
        referralDate: '2025-01-10',
        source: 'social_worker',
        issues: ['PLACEMENT', 'CONTACT'],
        urgency: 'high',
        allocationDate: '2025-01-15',
        closureDate: '2025-04-01',
        closureOutcome: 'all_issues_resolved',
      }),
      expect.objectContaining({
        reference: 'UK-2',
        dateOfBirth: '2008-09-01',
        gender: 'male',
        serviceUserType: 'CL',
        localAuthority: 'E10000017',
        referralDate: '2025-02-03',
        source: 'self',
        issues: ['LEAVING_CARE'],
        urgency: 'urgent',
      }),
      expect.objectContaining({
        reference: 'UK-3',
        dateOfBirth: '2011-06-30',
        gender: 'non_binary',
        serviceUserType: 'CIN',
        localAuthority: 'E10000017',
        issues: ['SOCIAL_WORKER', 'HOUSING'],
        urgency: 'standard',
      }),
    ]);
  });

  it('imports it, keeping the council as one ONS code however it was written', async () => {
    const t = await createTestCore({ now: () => new Date(`${TODAY}T10:00:00Z`) });
    try {
      const r = await t.call('caseload.import.apply', { csv: ukFile });
      expect(r).toMatchObject({ imported: true, create: 3, problems: [] });
      const councils = t.core.context.db().prepare('SELECT DISTINCT local_authority FROM people').pluck().all();
      expect(councils).toEqual(['E10000017']);
      expect(await t.call('caseload.localAuthorities', {})).toEqual([{ code: 'E10000017', name: 'Lancashire' }]);
    } finally {
      t.dispose();
    }
  });
});

describe('importing into the store', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore({ now: () => new Date(`${TODAY}T10:00:00Z`) });
  });
  afterAll(() => t.dispose());
  const count = (sql: string) => t.core.context.db().prepare(sql).pluck().get() as number;

  it('imports nothing when any row is invalid, and says which', async () => {
    const r = await t.call('caseload.import.apply', {
      csv: csv(good(), good({ reference: 'A-002', closure_date: '2024-01-01' })),
    });
    expect(r.imported).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(count('SELECT count(*) FROM referrals')).toBe(0);
    expect(count('SELECT count(*) FROM outbox')).toBe(0);
  });

  it('previews exactly what it would do without changing anything', async () => {
    const r = await t.call('caseload.import.preview', {
      csv: csv(good(), good({ reference: 'A-002', person_reference: 'P-2', closure_date: '', closure_outcome: '' })),
    });
    expect(r).toMatchObject({ rows: 2, create: 2, update: 0, unchanged: 0, problems: [] });
    expect(r.preview[0]).toMatchObject({ reference: 'A-001', status: 'closed' });
    expect(count('SELECT count(*) FROM referrals')).toBe(0);
  });

  it('imports, then re-importing the same file changes nothing, and a changed row updates its referral', async () => {
    const rows = [
      good(),
      good({ reference: 'A-002', closure_date: '', closure_outcome: '', allocated_to: '', allocation_date: '' }),
    ];
    const first = await t.call('caseload.import.apply', { csv: csv(...rows) });
    expect(first).toMatchObject({ imported: true, create: 2, update: 0 });
    expect(count('SELECT count(*) FROM people')).toBe(1);
    const outbox = count('SELECT count(*) FROM outbox');

    const again = await t.call('caseload.import.apply', { csv: csv(...rows) });
    expect(again).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(count('SELECT count(*) FROM outbox')).toBe(outbox);

    rows[1] = { ...rows[1], urgency: 'urgent', issues: 'PLACEMENT' };
    const changed = await t.call('caseload.import.apply', { csv: csv(...rows) });
    expect(changed).toMatchObject({ create: 0, update: 1, unchanged: 1 });
    expect(count('SELECT count(*) FROM referrals')).toBe(2);
    const list = await t.call('caseload.list', { query: 'A 002' });
    expect(list.rows[0]).toMatchObject({
      reference: 'A-002',
      urgency: 'urgent',
      issueCodes: ['PLACEMENT'],
      status: 'awaiting_allocation',
    });
    const closed = await t.call('caseload.list', { statuses: ['closed'] });
    expect(closed.rows).toHaveLength(1);
    expect(closed.rows[0]).toMatchObject({ advocateName: 'Sam Price' });
  });

  it('gives imported records random ids, so no other laptop can work out (and claim) them from the reference', async () => {
    const other = await createTestCore({ now: () => new Date(`${TODAY}T10:00:00Z`) });
    try {
      const file = csv(good({ reference: 'TWO-1', person_reference: 'P-TWO' }));
      await other.call('caseload.import.apply', { csv: file });
      await t.call('caseload.import.apply', { csv: file });
      const ids = (c: TestCore) =>
        c.core.context
          .db()
          .prepare(
            "SELECT r.id, r.person_id, (SELECT group_concat(id) FROM referral_issues WHERE referral_id = r.id) AS issues FROM referrals r WHERE reference = 'TWO-1'",
          )
          .get() as Record<string, string>;
      const mine = ids(t);
      const theirs = ids(other);
      expect(mine.id).not.toBe(theirs.id);
      expect(mine.person_id).not.toBe(theirs.person_id);
      for (const id of mine.issues!.split(',')) expect(theirs.issues).not.toContain(id);
      // Time-ordered random ids (UUIDv7), like every other record made in Heard.
      expect(mine.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      other.dispose();
    }
  });

  it('works from the command line and prints the referrals as JSON', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      env: { HEARD_PASSPHRASE: TEST_PASSPHRASE },
      askSecret: async () => TEST_PASSPHRASE,
    };
    t.core.close();
    const bad = join(t.dataDir, 'bad.csv');
    writeFileSync(bad, csv(good({ reference: 'C-1', date_of_birth: '2030-01-01' })));
    expect(await importCommand.run([bad, '--data-dir', t.dataDir], io)).toBe(1);
    expect(err.join('\n')).toMatch(/Row 2, date_of_birth: The date of birth is in the future/);
    const ok = join(t.dataDir, 'ok.csv');
    writeFileSync(ok, csv(good({ reference: 'C-1', person_reference: 'P-9' })));
    expect(await importCommand.run([ok, '--data-dir', t.dataDir], io)).toBe(0);
    expect(out.pop()).toMatch(/1 new, 0 updated, 0 unchanged/);
    expect(await casesCommand.run(['--data-dir', t.dataDir, '--format', 'json'], io)).toBe(0);
    const cases = JSON.parse(out.pop()!) as Array<{ reference: string; issues: string[] }>;
    expect(cases.map((c) => c.reference).sort()).toEqual(['A-001', 'A-002', 'C-1', 'TWO-1']);
    expect(cases.find((c) => c.reference === 'C-1')!.issues).toEqual(['PLACEMENT', 'CONTACT']);
    await t.restart();
  });

  it('re-importing on one laptop finds its records by reference: a dropped issue code that comes back revives its issue', async () => {
    const file = (issues: string) => csv(good({ reference: 'REV-1', person_reference: 'P-REV', issues }));
    await t.call('caseload.import.apply', { csv: file('PLACEMENT;CONTACT') });
    const db = t.core.context.db();
    const issue = () =>
      db
        .prepare(
          "SELECT id, deleted_at FROM referral_issues WHERE code = 'CONTACT' AND referral_id = (SELECT id FROM referrals WHERE reference = 'REV-1')",
        )
        .all() as { id: string; deleted_at: string | null }[];
    const [before] = issue();
    await t.call('caseload.import.apply', { csv: file('PLACEMENT') });
    expect(issue()).toEqual([{ id: before!.id, deleted_at: expect.any(String) }]);
    await t.call('caseload.import.apply', { csv: file('PLACEMENT;CONTACT') });
    expect(issue()).toEqual([{ id: before!.id, deleted_at: null }]);
    expect(db.prepare("SELECT count(*) FROM referrals WHERE reference = 'REV-1'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM people WHERE person_reference = 'P-REV'").pluck().get()).toBe(1);
  });
});
