import { describe, expect, it } from 'vitest';
import { classifyCall } from '../../../electron/core/audit/classify';

describe('which calls the audit trail records', () => {
  it.each([
    ['notes.list', { caseId: 'c1' }, { action: 'case-opened', caseId: 'c1' }],
    ['referrals.get', { id: 'c1' }, { action: 'case-opened', caseId: 'c1' }],
    ['notes.save', { caseId: 'c1', body: 'x' }, { action: 'edited', caseId: 'c1' }],
    ['referrals.close', { id: 'c1', outcome: 'lost_contact' }, { action: 'edited', caseId: 'c1' }],
    ['meetings.create', { referralId: 'c1' }, { action: 'edited', caseId: 'c1' }],
    ['letters.exportPdf', { letterId: 'l1' }, { action: 'exported', caseId: null }],
    ['reports.exportCsv', {}, { action: 'exported', caseId: null }],
    ['statements.print', { caseId: 'c1' }, { action: 'printed', caseId: 'c1' }],
    ['letters.markSent', { letterId: 'l1', caseId: 'c1' }, { action: 'letter-sent', caseId: 'c1' }],
    ['sync.run', {}, { action: 'synced', caseId: null }],
    ['caseload.case.get', { caseId: 'c1' }, { action: 'case-opened', caseId: 'c1' }],
    ['caseload.issues.remove', { issueId: 'i1' }, { action: 'edited', caseId: null }],
    ['caseload.import.apply', { csv: 'a,b' }, { action: 'edited', caseId: null }],
  ])('%s is recorded', (method, input, expected) => {
    expect(classifyCall(method, input)).toEqual(expected);
  });

  it('takes the case from the answer when a call creates it', () => {
    expect(classifyCall('caseload.referrals.create', { person: {} }, { caseId: 'c9', reference: 'R-1' })).toEqual({ action: 'edited', caseId: 'c9' });
  });

  it.each([
    ['drafts.save', { key: 'note:c1', content: 'x', caseId: 'c1' }],
    ['settings.update', { theme: 'dark' }],
    ['vault.status', {}],
    ['audit.list', { caseId: 'c1' }],
    ['caseload.list', {}],
    ['caseload.import.preview', { csv: 'a,b' }],
    ['sync.status', {}],
    ['notes.list', { caseId: '' }],
  ])('%s is not record access', (method, input) => {
    expect(classifyCall(method, input)).toBeNull();
  });
});
