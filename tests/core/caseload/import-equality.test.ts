import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../shared/csv/rfc4180';
import { parseReferralCsv } from '../../../shared/domain/referral-import';
import { createTestCore, type TestCore } from '../../helpers/test-core';

const HEADER = [
  'reference',
  'person_reference',
  'first_name',
  'service_user_type',
  'referral_date',
  'ethnicity',
  'disability',
  'advocacy_type',
  'placement_area',
];
const row = (over: Record<string, string>): string[] => {
  const r: Record<string, string> = {
    reference: 'E-1',
    person_reference: 'PE-1',
    first_name: 'Amina',
    service_user_type: 'CIC',
    referral_date: '2026-04-10',
    ...over,
  };
  return HEADER.map((h) => r[h] ?? '');
};
const TODAY = '2026-05-20';

describe('import: ethnicity, disability, advocacy type and placement area', () => {
  it('accepts each as its code or its words, in any case', () => {
    const { rows, problems } = parseReferralCsv(
      toCsv([
        HEADER,
        row({
          reference: 'E-1',
          ethnicity: 'wbri',
          disability: 'Yes',
          advocacy_type: 'non_instructed',
          placement_area: 'out_of_area',
        }),
        row({
          reference: 'E-2',
          ethnicity: 'Black African',
          disability: 'not known',
          advocacy_type: 'Non-instructed',
          placement_area: 'Out of area',
        }),
        row({
          reference: 'E-3',
          ethnicity: 'Information not yet obtained',
          disability: 'no',
          advocacy_type: 'instructed',
          placement_area: 'in area',
        }),
        row({ reference: 'E-4' }),
      ]),
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.ethnicity, r.disabilityStatus, r.advocacyType, r.placementInArea])).toEqual([
      ['WBRI', 'yes', 'non_instructed', false],
      ['BAFR', 'not_known', 'non_instructed', false],
      ['NOBT', 'no', 'instructed', true],
      [undefined, undefined, undefined, undefined],
    ]);
  });

  it('names each unknown value by row and column, lists what is allowed, and never repeats the cell', () => {
    const { problems } = parseReferralCsv(
      toCsv([
        HEADER,
        row({ ethnicity: 'Martian', disability: 'sometimes', advocacy_type: 'loud', placement_area: 'Kent' }),
      ]),
      TODAY,
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'ethnicity'],
      [2, 'disability'],
      [2, 'placement_area'],
      [2, 'advocacy_type'],
    ]);
    expect(problems[0]!.reason).toMatch(/White British \(WBRI\)/);
    expect(JSON.stringify(problems)).not.toMatch(/Martian|sometimes|loud|Kent/);
  });
});

describe('import writes them to the person and referral, and the report counts them', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore();
  });
  afterAll(() => t.dispose());

  it('records the facts and an empty cell later leaves them as they are', async () => {
    const first = toCsv([
      HEADER,
      row({
        ethnicity: 'White and Asian',
        disability: 'yes',
        advocacy_type: 'non-instructed',
        placement_area: 'out of area',
      }),
    ]);
    expect(await t.call('caseload.import.apply', { csv: first })).toMatchObject({ imported: true, create: 1 });
    const db = t.core.context.db();
    expect(
      db
        .prepare("SELECT ethnicity, disability_status, placement_in_area FROM people WHERE person_reference = 'PE-1'")
        .get(),
    ).toEqual({
      ethnicity: 'MWAS',
      disability_status: 'yes',
      placement_in_area: 0,
    });
    expect(db.prepare("SELECT advocacy_type FROM referrals WHERE reference = 'E-1'").pluck().get()).toBe(
      'non_instructed',
    );
    await t.call('caseload.import.apply', { csv: toCsv([HEADER, row({})]) });
    expect(db.prepare("SELECT ethnicity, disability_status FROM people WHERE person_reference = 'PE-1'").get()).toEqual(
      { ethnicity: 'MWAS', disability_status: 'yes' },
    );
    const r = await t.call('reports.quarterly', { period: { from: '2026-04-01', to: '2026-06-30' } });
    expect(r.byEthnicity.MWAS).toBe(1);
    expect(r.byAdvocacyType.non_instructed).toBe(1);
    expect(r.outOfArea.count).toBe(1);
  });
});
