import { describe, expect, it } from 'vitest';
import { plainText, type TipTapNode } from '../../../shared/templates/tiptap';
import { CHANGED_NOTICE } from '../../../shared/reports/anonymise';
import { reportDocument } from '../../../shared/reports/document';
import { parseQuarter } from '../../../shared/reports/period';
import { quarterlyReport, type ReportReferral } from '../../../shared/reports/quarterly';

const r: ReportReferral = {
  reference: 'A',
  person_reference: 'A',
  date_of_birth: '2012-01-01',
  gender: 'female',
  service_user_type: 'CIC',
  local_authority: 'Kent',
  referral_date: '2026-04-10',
  referral_source: 'social_worker',
  issues: ['PLACEMENT'],
  urgency: 'standard',
  allocated_to: null,
  allocation_date: '2026-04-11',
  closure_date: '2026-05-01',
  closure_outcome: 'all_issues_resolved',
};
const report = quarterlyReport([r], [], parseQuarter('2026-Q2')!);
const all = (n: TipTapNode): TipTapNode[] => [n, ...(n.content ?? []).flatMap(all)];

describe('the report as a PDF document', () => {
  const doc = reportDocument(
    report,
    [
      { kind: 'narrative', title: 'Challenges', body: 'Demand rose.\n\nWe recruited.' },
      { kind: 'case_study', title: 'Sky, 14', body: 'Sky wanted to move nearer school.' },
    ],
    'Test Advocacy',
  );
  const charts = all(doc).filter((n) => n.type === 'chart');

  it('draws bar and pie charts with only the non-zero figures', () => {
    expect(charts.map((c) => [c.attrs?.kind, c.attrs?.title])).toEqual([
      ['bar', 'Service users'],
      ['bar', 'Issues'],
      ['bar', 'Age at referral'],
      ['pie', 'Gender'],
      ['bar', 'Who referred'],
      ['pie', 'How cases closed'],
    ]);
    expect(charts[0]!.attrs?.data).toEqual([{ label: 'Children in care', value: 1 }]);
  });

  it('lists every figure in words beside the charts, and the sections after them', () => {
    const words = plainText(doc);
    expect(words).toContain('Test Advocacy: impact report');
    expect(words).toContain('01/04/2026 to 30/06/2026');
    expect(words).toContain('Children in care: 1 (100%)');
    expect(words).toMatch(/None: Child protection, Child in need, Care leavers/);
    expect(words).toContain('Advocacy complete: all issues resolved: 1 (100%)');
    expect(words.indexOf('Challenges')).toBeGreaterThan(words.indexOf('Feedback'));
    expect(words).toContain('We recruited.');
  });

  it('marks each case study as changed to protect identity', () => {
    const words = plainText(doc);
    expect(words.indexOf(CHANGED_NOTICE)).toBeGreaterThan(words.indexOf('Sky, 14'));
    expect(words.split(CHANGED_NOTICE)).toHaveLength(2);
  });
});
