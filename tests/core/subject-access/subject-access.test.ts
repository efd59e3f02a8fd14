import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichNode } from '../../../shared/domain/fieldwork';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let work: string;
let caseA = '';
let caseB = '';
let other = '';
const doc = (text: string): RichNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeAll(async () => {
  t = await createTestCore();
  work = mkdtempSync(join(tmpdir(), 'heard-sar-'));
  const a = await t.call('caseload.referrals.create', {
    person: { firstName: 'Hawa', lastName: 'Tesfaye', dateOfBirth: '2009-03-14' },
    referral: { referralDate: '2025-02-01', serviceUserType: 'CIC', source: 'self' },
    issues: [{ code: 'CONTACT', description: 'I want to see my sister more' }],
  });
  caseA = a.caseId;
  const personId = (await t.call('caseload.case.get', { caseId: caseA }))?.person?.id ?? '';
  caseB = (
    await t.call('caseload.referrals.create', {
      personId,
      referral: { referralDate: '2026-03-01', serviceUserType: 'CL', source: 'self' },
      issues: [{ code: 'HOUSING', description: 'Moving into my own flat' }],
    })
  ).caseId;
  other = (
    await t.call('caseload.referrals.create', {
      person: { firstName: 'Bartek', lastName: 'Nowicki', dateOfBirth: '2011-01-01' },
      referral: { referralDate: '2026-03-02', serviceUserType: 'CP', source: 'parent' },
      issues: [{ code: 'CP_MEETINGS', description: 'Someone else entirely' }],
    })
  ).caseId;
  const note = await t.call('fieldwork.notes.create', { caseId: caseA, title: 'Visit' });
  await t.call('fieldwork.notes.save', {
    id: note.id,
    title: 'Visit',
    body: doc('She said the contact centre is too far'),
  });
  await t.call('fieldwork.notes.save', {
    id: note.id,
    title: 'Visit',
    body: doc('She said the contact centre is too far away for her'),
    reason: 'blur',
  });
  await t.call('fieldwork.safeguarding.create', {
    caseId: caseB,
    record: {
      disclosedAt: '2026-03-05T09:30',
      disclosure: 'Landlord shouted at her',
      decision: 'Told the PA',
      reason: 'Her safety at home',
    },
  });
});
afterAll(() => {
  t.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('subject access request', () => {
  it('exports every case, note version, safeguarding record and access of one person, and nobody else', async () => {
    const out = await t.call('subjectAccess.export', { caseId: caseB });
    expect(out.cases).toBe(2);
    const json = JSON.parse(out.json.text) as {
      person: { first_name: string };
      cases: { caseId: string; records: Record<string, unknown[]> }[];
      accessLog: { action: string; caseId: string }[];
    };
    expect(json.person.first_name).toBe('Hawa');
    expect(json.cases.map((c) => c.caseId).sort()).toEqual([caseA, caseB].sort());
    const all = out.json.text;
    expect(all).toContain('I want to see my sister more');
    expect(all).toContain('too far away for her');
    expect(all).toContain('centre is too far"'); // the earlier version, not only the latest
    expect(all).toContain('Landlord shouted at her');
    expect(all).not.toContain('Bartek');
    expect(all).not.toContain(other);
    expect(json.accessLog.some((e) => e.action === 'case-opened' && e.caseId === caseA)).toBe(true);
  });

  it('makes a PDF bundle that reads the same words', async () => {
    const out = await t.call('subjectAccess.export', { caseId: caseA });
    const file = join(work, out.pdf.fileName);
    writeFileSync(file, Buffer.from(out.pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Information held about you');
    expect(text).toContain('Tesfaye');
    expect(text).toContain('Landlord shouted at her');
    expect(text).toContain('Confidential');
    expect(text).not.toContain('Nowicki');
  });

  it('is recorded in the trail of every case it covers', async () => {
    for (const caseId of [caseA, caseB]) {
      const trail = await t.call('audit.list', { caseId, limit: 3 });
      expect(trail.entries[0]?.action).toBe('subject-access-export');
    }
  });

  it('says plainly when the person is not held', async () => {
    await expect(t.call('subjectAccess.export', { personId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
