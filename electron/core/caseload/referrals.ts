import type { IssueInput, Issue, PersonFields, Person, Referral, ReferralFields } from '../../../shared/domain/caseload';
import type { ClosureOutcome, IssueOutcome } from '../../../shared/domain/codes';
import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import { issueRecord, personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { requiredDefaults, toColumns } from '../../../shared/domain/records/define';
import type { CoreContext } from '../ipc/handler-types';
import { getAdvocate } from './advocates';
import { toIssue, toPerson, toReferral, type IssueRow, type PersonRow, type ReferralRow } from './rows';

/** Writes to the caseload. Every change goes through the Writer, so it is recorded for sync. */

export function getReferralRow(db: Db, caseId: string): ReferralRow {
  const row = db.prepare('SELECT * FROM referrals WHERE id = ? AND deleted_at IS NULL').get(caseId) as ReferralRow | undefined;
  if (!row) throw new AppError('not_found', 'This case could not be found. It may have been deleted or moved to another advocate.');
  return row;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Short enough to read over the phone; random so two offline devices do not pick the same one. */
export function newReference(db: Db, now: Date): string {
  const exists = db.prepare('SELECT 1 FROM referrals WHERE reference = ?').pluck();
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(5));
    const code = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
    const ref = `R${String(now.getFullYear()).slice(2)}-${code}`;
    if (!exists.get(ref)) return ref;
  }
}

export interface NewReferral {
  personId?: string | undefined;
  person?: PersonFields | undefined;
  referral: ReferralFields & { referralDate: string };
  issues: IssueInput[];
}

export function createReferral(ctx: CoreContext, input: NewReferral): { caseId: string; reference: string } {
  return ctx.write((w, db) => {
    const at = ctx.now();
    checkDateOfBirth(input.person?.dateOfBirth, at);
    const caseId = uuidv7(at.getTime());
    let personId = input.personId;
    if (personId) {
      if (!db.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(personId)) {
        throw new AppError('not_found', 'That young person or parent could not be found.');
      }
      if (input.person) w.upsert('person', personId, caseId, toColumns(personRecord, input.person));
    } else {
      const p = input.person ?? {};
      if (!p.firstName?.trim() && !p.preferredName?.trim()) {
        throw new AppError('invalid_input', 'Enter a name for the young person or parent.', { fields: { 'person.firstName': 'Enter a name.' } });
      }
      personId = uuidv7(at.getTime());
      w.upsert('person', personId, caseId, { ...requiredDefaults(personRecord), ...toColumns(personRecord, p), created_at: at.toISOString() });
    }
    const reference = newReference(db, at);
    w.upsert('referral', caseId, caseId, {
      ...requiredDefaults(referralRecord),
      reference,
      person_id: personId,
      status: 'awaiting_allocation',
      ...toColumns(referralRecord, input.referral),
      created_at: at.toISOString(),
    });
    for (const issue of input.issues) addIssueRow(w, caseId, issue, at);
    return { caseId, reference };
  });
}

function addIssueRow(w: Writer, caseId: string, issue: IssueInput, at: Date): string {
  const id = uuidv7(at.getTime());
  w.upsert('referral_issue', id, caseId, { referral_id: caseId, status: 'open', ...toColumns(issueRecord, issue), created_at: at.toISOString() });
  return id;
}

export function updateReferral(ctx: CoreContext, caseId: string, fields: ReferralFields): Referral {
  return ctx.write((w, db) => {
    const before = getReferralRow(db, caseId);
    const date = fields.referralDate ?? before.referral_date;
    if (date && before.closure_date && before.closure_date < date) throw new AppError('invalid_input', 'The referral date cannot be after the case was closed.');
    w.upsert('referral', caseId, caseId, toColumns(referralRecord, fields));
    return toReferral(getReferralRow(db, caseId));
  });
}

export function updatePerson(ctx: CoreContext, personId: string, caseId: string, fields: PersonFields): Person {
  return ctx.write((w, db) => {
    if (!db.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(personId)) {
      throw new AppError('not_found', 'That young person or parent could not be found.');
    }
    checkDateOfBirth(fields.dateOfBirth, ctx.now());
    w.upsert('person', personId, caseId, toColumns(personRecord, fields));
    return toPerson(db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as PersonRow);
  });
}

function checkDateOfBirth(dob: string | null | undefined, now: Date): void {
  if (dob && dob > todayIso(now)) {
    throw new AppError('invalid_input', 'The date of birth cannot be in the future.', { fields: { dateOfBirth: 'This date is in the future.' } });
  }
}

/** Whole days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function allocate(ctx: CoreContext, caseId: string, advocateId: string, date: string): Referral {
  return ctx.write((w, db) => {
    const r = getReferralRow(db, caseId);
    if (!getAdvocate(db, advocateId)) throw new AppError('not_found', 'That advocate could not be found.');
    if (r.status === 'closed') throw new AppError('conflict', 'This case is closed. Reopen it before allocating it.');
    if (r.referral_date && date < r.referral_date) throw new AppError('invalid_input', 'The allocation date cannot be before the referral date.', { fields: { date: 'Before the referral date.' } });
    // Reallocation keeps the first allocation date: time to allocation measures how long the young person waited.
    const first = r.allocation_date ?? date;
    w.upsert('referral', caseId, caseId, {
      allocated_to: advocateId,
      allocation_date: first,
      days_to_allocation: r.referral_date ? daysBetween(r.referral_date, first) : null,
      status: 'open',
    });
    return toReferral(getReferralRow(db, caseId));
  });
}

export function closeCase(
  ctx: CoreContext,
  input: { caseId: string; closureDate: string; closureOutcome: ClosureOutcome; closureNote?: string | undefined; issueOutcomes: Array<{ issueId: string; outcome: IssueOutcome }> },
): Referral {
  return ctx.write((w, db) => {
    const r = getReferralRow(db, input.caseId);
    if (r.status === 'closed') throw new AppError('conflict', 'This case is already closed.');
    if (r.referral_date && input.closureDate < r.referral_date) {
      throw new AppError('invalid_input', 'The closure date cannot be before the referral date.', { fields: { closureDate: 'Before the referral date.' } });
    }
    const issues = db.prepare('SELECT id FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL').pluck().all(input.caseId) as string[];
    for (const { issueId, outcome } of input.issueOutcomes) {
      if (!issues.includes(issueId)) throw new AppError('not_found', 'One of the issues is not part of this case.');
      w.upsert('referral_issue', issueId, input.caseId, { outcome, status: 'resolved' });
    }
    w.upsert('referral', input.caseId, input.caseId, {
      status: 'closed',
      closure_date: input.closureDate,
      closure_outcome: input.closureOutcome,
      closure_note: input.closureNote?.trim() || null,
    });
    return toReferral(getReferralRow(db, input.caseId));
  });
}

export function reopenCase(ctx: CoreContext, caseId: string): Referral {
  return ctx.write((w, db) => {
    const r = getReferralRow(db, caseId);
    if (r.status !== 'closed') throw new AppError('conflict', 'This case is not closed.');
    w.upsert('referral', caseId, caseId, { status: r.allocated_to ? 'open' : 'awaiting_allocation', closure_date: null, closure_outcome: null });
    return toReferral(getReferralRow(db, caseId));
  });
}

const getIssueRow = (db: Db, issueId: string): IssueRow => {
  const row = db.prepare('SELECT * FROM referral_issues WHERE id = ? AND deleted_at IS NULL').get(issueId) as IssueRow | undefined;
  if (!row) throw new AppError('not_found', 'This issue could not be found.');
  return row;
};

export function addIssue(ctx: CoreContext, caseId: string, issue: IssueInput): Issue {
  return ctx.write((w, db) => {
    getReferralRow(db, caseId);
    const id = addIssueRow(w, caseId, issue, ctx.now());
    return toIssue(getIssueRow(db, id));
  });
}

export function updateIssue(ctx: CoreContext, issueId: string, fields: Partial<IssueInput> & { status?: Issue['status']; outcome?: Issue['outcome']; outcomeNote?: string | null }): Issue {
  return ctx.write((w, db) => {
    const before = getIssueRow(db, issueId);
    w.upsert('referral_issue', issueId, before.referral_id, toColumns(issueRecord, fields));
    return toIssue(getIssueRow(db, issueId));
  });
}

export function removeIssue(ctx: CoreContext, issueId: string): boolean {
  return ctx.write((w, db) => {
    const before = getIssueRow(db, issueId);
    w.remove('referral_issue', issueId, before.referral_id);
    return true;
  });
}
