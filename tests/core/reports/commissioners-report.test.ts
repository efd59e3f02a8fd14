import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const period = { from: '2026-04-01', to: '2026-06-30' };
// A 1×1 PNG, as a service's logo.
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Two cases this quarter and one last quarter, with their casework, written through the real mutation path. */
function seed(): void {
  t.core.context.write((w) => {
    w.upsert('person', 'p1', 'c1', {
      person_reference: 'P-1',
      first_name: 'Amira',
      ethnicity: 'BAFR',
      disability_status: 'yes',
      placement_in_area: false,
      local_authority: 'Medway',
    });
    w.upsert('referral', 'c1', 'c1', {
      reference: 'HRD-1',
      person_id: 'p1',
      referral_date: '2026-04-02',
      service_user_type: 'CIC',
      urgency: 'standard',
      status: 'open',
      advocacy_type: 'non_instructed',
    });
    w.upsert('referral_issue', 'i1', 'c1', { referral_id: 'c1', code: 'PLACEMENT', status: 'open' });
    // Amira's earlier referral closed exactly 365 days before this one: a re-referral.
    w.upsert('referral', 'c0', 'c0', {
      reference: 'HRD-0',
      person_id: 'p1',
      referral_date: '2025-01-06',
      closure_date: '2025-04-02',
      closure_outcome: 'all_issues_resolved',
      service_user_type: 'CIC',
      urgency: 'standard',
      status: 'closed',
    });
    w.upsert('person', 'p2', 'c2', {
      person_reference: 'P-2',
      first_name: 'Tomasz',
      ethnicity: 'WOTH',
      disability_status: 'no',
      placement_in_area: true,
    });
    w.upsert('referral', 'c2', 'c2', {
      reference: 'HRD-2',
      person_id: 'p2',
      referral_date: '2026-05-20',
      service_user_type: 'CP',
      urgency: 'standard',
      status: 'open',
    });
    w.upsert('person', 'p3', 'c3', { person_reference: 'P-3', first_name: 'Lena', ethnicity: 'BAFR' });
    w.upsert('referral', 'c3', 'c3', {
      reference: 'HRD-3',
      person_id: 'p3',
      referral_date: '2026-02-10',
      service_user_type: 'CIN',
      urgency: 'standard',
      status: 'open',
    });
    w.upsert('contact', 'k1', 'c1', {
      case_id: 'c1',
      type: 'visit',
      occurred_at: '2026-04-10T10:00',
      duration_minutes: 60,
      travel_minutes: 90,
      miles: 48,
      present: [],
    });
    w.upsert('contact', 'k2', 'c2', {
      case_id: 'c2',
      type: 'phone',
      occurred_at: '2026-05-21T09:30',
      duration_minutes: 15,
      present: [],
    });
    // Received Wed 13 May, due Thu 28 May (Spring bank holiday skipped), answered on 29 May: late.
    w.upsert('complaint', 'cp1', 'c1', {
      case_id: 'c1',
      stage: 'stage1',
      received_on: '2026-05-13',
      response_received_on: '2026-05-29',
      outcome: 'not_resolved',
    });
    w.upsert('letter', 'l1', 'c1', {
      case_id: 'c1',
      template_id: 'help-at-hand',
      title: 'To Help at Hand',
      body: { type: 'doc', content: [] },
      sent_on: '2026-06-03',
    });
    w.upsert('safeguarding_record', 's1', 'c2', {
      case_id: 'c2',
      disclosed_at: '2026-05-22T16:00',
      disclosure: 'x',
      decision: 'Shared with MASH',
      reason: 'Risk of harm',
      told: [{ name: 'Duty', role: 'MASH', toldAt: '2026-05-22T16:30' }],
      recorded_at: '2026-05-22T17:00:00Z',
    });
    w.upsert('meeting', 'm1', 'c1', {
      case_id: 'c1',
      meeting_type: 'cic_review',
      meeting_date: '2026-06-01',
      invitees: [],
    });
    w.upsert('meeting_debrief', 'd1', 'c1', {
      case_id: 'c1',
      meeting_id: 'm1',
      attended: 'part',
      views_presented: 'advocate',
      wishes_reflected: 'partly',
      actions: [],
      issues_moved: [],
    });
  });
}

beforeAll(async () => {
  t = await createTestCore();
  seed();
});
afterAll(() => t.dispose());

describe('systemic issues log', () => {
  it('keeps a wider issue with its case, syncs it, and refuses one without words in plain language', async () => {
    const saved = await t.call('systemicIssues.save', {
      caseId: 'c1',
      area: 'health_social_care',
      issue: 'High turnover in the 16-plus team',
      raisedOn: '2026-04-12',
    });
    expect(saved).toMatchObject({ caseId: 'c1', area: 'health_social_care', detail: '' });
    await t.call('systemicIssues.save', {
      caseId: 'c2',
      area: 'health_social_care',
      issue: 'high turnover in the 16-plus team.',
      raisedOn: '2026-05-30',
    });
    expect((await t.call('systemicIssues.list', { caseId: 'c1' })).map((s) => s.issue)).toEqual([
      'High turnover in the 16-plus team',
    ]);
    const outbox = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'systemic_issue' AND case_id = 'c1' ORDER BY field")
      .pluck()
      .all();
    expect(outbox).toEqual(expect.arrayContaining(['area', 'case_id', 'issue', 'raised_on']));
    await expect(
      t.call('systemicIssues.save', { caseId: 'c1', area: 'wider_community', issue: ' ', raisedOn: '2026-04-12' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/Issue: must be at least 3 characters/),
    });
    await expect(
      t.call('systemicIssues.save', { caseId: 'nope', area: 'wider_community', issue: 'Gaps', raisedOn: '2026-04-12' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await t.call('systemicIssues.suggestions', {})).toEqual([
      { area: 'health_social_care', issue: expect.stringMatching(/turnover/i) },
    ]);
  });

  it('removes an entry so the report no longer counts it', async () => {
    const extra = await t.call('systemicIssues.save', {
      caseId: 'c1',
      area: 'advocacy_service',
      issue: 'Waiting list for BSL interpreters',
      raisedOn: '2026-06-02',
    });
    expect(await t.call('systemicIssues.remove', { id: extra.id })).toEqual({ removed: true });
    const r = await t.call('reports.quarterly', { period });
    expect(r.systemicIssues.advocacy_service).toEqual({ cases: 0, issues: [] });
  });
});

describe("the commissioners' figures from this device's records", () => {
  it('closing a case records the day each issue closed, for issue outcomes', async () => {
    await t.call('caseload.case.close', {
      caseId: 'c1',
      closureDate: '2026-06-15',
      closureOutcome: 'outstanding_issues',
      issueOutcomes: [{ issueId: 'i1', outcome: 'partly_achieved' }],
    });
    expect(t.core.context.db().prepare("SELECT closed_on FROM referral_issues WHERE id = 'i1'").pluck().get()).toBe(
      '2026-06-15',
    );
  });

  it('counts every new figure', async () => {
    const r = await t.call('reports.quarterly', { period });
    expect(r.newReferrals).toBe(2);
    expect(Object.entries(r.byEthnicity).filter(([, n]) => n > 0)).toEqual([
      ['WOTH', 1],
      ['BAFR', 1],
    ]);
    expect(r.byDisability).toEqual({ yes: 1, no: 1, not_known: 0 });
    expect(r.byAdvocacyType).toEqual({ instructed: 1, non_instructed: 1 });
    expect(r.outOfArea).toEqual({ count: 1, percent: 50 });
    expect(r.reReferrals).toEqual({ count: 1, percent: 50 });
    expect(r.closed.total).toBe(1);
    expect(r.issueOutcomes.PLACEMENT.partly_achieved).toBe(1);
    expect(r.complaints).toMatchObject({
      made: 1,
      respondedOnTime: 0,
      respondedLate: 1,
      escalated: { help_at_hand: 1, ombudsman: 0 },
    });
    expect(r.safeguarding).toEqual({ records: 1, confidentialityBroken: 1 });
    expect(r.contacts).toEqual({
      visits: 1,
      otherContacts: 1,
      hours: 1.3,
      travelHours: 1.5,
      miles: 48,
      outOfAreaVisits: 1,
    });
    expect(r.meetings).toMatchObject({
      supported: 1,
      debriefed: 1,
      tookPart: 1,
      viewsHeard: 1,
      outcome: { yes: 0, partly: 1, no: 0, unknown: 0 },
    });
    expect(r.systemicIssues.health_social_care).toEqual({
      cases: 2,
      issues: [{ issue: 'High turnover in the 16-plus team', cases: 2 }],
    });
  });

  it('lists the cases behind a figure by reference only', async () => {
    expect(await t.call('reports.casesBehind', { period, figure: 'byEthnicity', code: 'BAFR' })).toEqual({
      references: ['HRD-1'],
    });
    expect(
      await t.call('reports.casesBehind', { period, figure: 'safeguarding', code: 'confidentialityBroken' }),
    ).toEqual({ references: ['HRD-2'] });
    expect(await t.call('reports.casesBehind', { period, figure: 'byEthnicity', code: 'CHNE' })).toEqual({
      references: [],
    });
    expect(await t.call('reports.casesBehind', { period, figure: 'reReferrals', code: 'count' })).toEqual({
      references: ['HRD-1'],
    });
  });
});

describe('exports', () => {
  it('writes one table as its own CSV, beside the previous quarter', async () => {
    const { csv, fileName } = await t.call('reports.exportTableCsv', { period, table: 'ethnicity' });
    expect(fileName).toBe('heard-report-2026-04-01-to-2026-06-30.ethnicity.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'code,label,count 2026-04-01 to 2026-06-30,percent of new referrals,count 2026-01-01 to 2026-03-31',
    );
    expect(lines).toContain('BAFR,Black African,1,50,1');
    expect(lines).toContain('WOTH,Any other White background,1,50,0');
    await expect(t.call('reports.exportTableCsv', { period, table: 'names' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('writes a workbook with one sheet per table', async () => {
    const { base64, fileName } = await t.call('reports.exportXlsx', { period });
    expect(fileName).toBe('heard-report-2026-04-01-to-2026-06-30.xlsx');
    const wb = new ExcelJS.Workbook();
    const bytes = Buffer.from(base64, 'base64');
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const names = wb.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Summary',
        'Ethnicity',
        'Disability',
        'Complaints',
        'Safeguarding',
        'Visits and contacts',
        'Meetings supported',
        'Systemic issues',
      ]),
    );
    const sheet = wb.getWorksheet('Ethnicity')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Ethnicity',
      '01/04/2026 to 30/06/2026',
      '% of new referrals',
      '01/01/2026 to 31/03/2026',
      'Code',
    ]);
    const bafr = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(5).value === 'BAFR')!;
    expect([bafr.getCell(1).value, bafr.getCell(2).value, bafr.getCell(3).value, bafr.getCell(4).value]).toEqual([
      'Black African',
      1,
      50,
      1,
    ]);
  });

  it("puts the service's name and logo on the PDF, each figure beside last quarter's, and no table across two pages", async () => {
    await t.call('letterhead.save', { name: 'Northshire Advocacy', address: '12 Mill Lane', logoPngBase64: LOGO });
    const pdf = await t.call('reports.pdf', { period });
    const path = join(t.dataDir, 'report.pdf');
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    const pages = Array.from({ length: pdf.pages }, (_, i) =>
      execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }),
    );
    const all = pages.join('\n');
    expect(all).toContain('Northshire Advocacy: quarterly report');
    expect(all).not.toContain('impact report');
    expect(all).toContain('01/01/2026 to 31/03/2026');
    expect(execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).trim().split('\n').length).toBeGreaterThan(
      2,
    );
    // Each table's heading and its last row are on the same page.
    const firstAndLast: Array<[string, RegExp]> = [
      ['Complaints', /Escalated to\s+the Local Government/],
      ['Visits and contacts', /Miles travelled/],
      ['Meetings supported', /Decision reflected their wishes:\s+not known/],
      ['Ethnicity', /Any other White background/],
    ];
    for (const [title, last] of firstAndLast) {
      const page = pages.find((p) => p.split('\n').some((line) => line.trim() === title));
      expect(page, title).toBeDefined();
      expect(page).toMatch(last);
    }
  });
});
