import type {
  IssueInput,
  Issue,
  PersonFields,
  Person,
  Referral,
  ReferralFields,
} from '../../../shared/domain/caseload';
import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import { issueRecord, personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { requiredDefaults, toColumns } from '../../../shared/domain/records/define';
import type { CoreContext } from '../ipc/handler-types';
import { keepCorrection, whoCorrects } from './corrections';
import { toIssue, toPerson, toReferral, type IssueRow, type PersonRow, type ReferralRow } from './rows';

/** Writes to the caseload. Every change goes through the Writer, so it is recorded for sync. */

export function getReferralRow(db: Db, caseId: string): ReferralRow {
  const row = db.prepare('SELECT * FROM referrals WHERE id = ? AND deleted_at IS NULL').get(caseId) as
    ReferralRow | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      'This case could not be found. It may have been deleted or moved to another advocate.',
    );
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
        throw new AppError('invalid_input', 'Enter a name for the young person or parent.', {
          fields: { 'person.firstName': 'Enter a name.' },
        });
      }
      personId = uuidv7(at.getTime());
      w.upsert('person', personId, caseId, {
        ...requiredDefaults(personRecord),
        ...toColumns(personRecord, p),
        created_at: at.toISOString(),
      });
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
  w.upsert('referral_issue', id, caseId, {
    referral_id: caseId,
    status: 'open',
    ...toColumns(issueRecord, issue),
    created_at: at.toISOString(),
  });
  return id;
}

export function updateReferral(ctx: CoreContext, caseId: string, fields: ReferralFields, reason?: string): Referral {
  const who = whoCorrects(ctx);
  return ctx.write((w, db) => {
    const before = getReferralRow(db, caseId);
    const date = fields.referralDate ?? before.referral_date;
    if (date && before.closure_date && before.closure_date < date)
      throw new AppError('invalid_input', 'The referral date cannot be after the case was closed.');
    w.upsert('referral', caseId, caseId, toColumns(referralRecord, fields));
    const after = getReferralRow(db, caseId);
    keepCorrection(w, ctx, who, {
      entity: 'referral',
      recordId: caseId,
      caseId,
      before: { ...before },
      after: { ...after },
      reason,
    });
    return toReferral(after);
  });
}

export function updatePerson(
  ctx: CoreContext,
  personId: string,
  caseId: string,
  fields: PersonFields,
  reason?: string,
): Person {
  const who = whoCorrects(ctx);
  return ctx.write((w, db) => {
    const before = db.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(personId) as
      PersonRow | undefined;
    if (!before) throw new AppError('not_found', 'That young person or parent could not be found.');
    checkDateOfBirth(fields.dateOfBirth, ctx.now());
    checkName(fields, before);
    w.upsert('person', personId, caseId, toColumns(personRecord, fields));
    const after = db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as PersonRow;
    keepCorrection(w, ctx, who, {
      entity: 'person',
      recordId: personId,
      caseId,
      before: { ...before },
      after: { ...after },
      reason,
    });
    return toPerson(after);
  });
}

/** A correction may change a name but never leave the person with none. */
function checkName(fields: PersonFields, before: PersonRow): void {
  const pick = (given: string | null | undefined, was: string | null) =>
    (given === undefined ? was : given)?.trim() ?? '';
  if (
    !pick(fields.firstName, before.first_name) &&
    !pick(fields.preferredName, before.preferred_name) &&
    !pick(fields.lastName, before.last_name)
  ) {
    throw new AppError(
      'invalid_input',
      'Keep a name for the young person or parent: a first name or the name they use.',
      { fields: { firstName: 'Enter a name.' } },
    );
  }
}

function checkDateOfBirth(dob: string | null | undefined, now: Date): void {
  if (dob && dob > todayIso(now)) {
    throw new AppError('invalid_input', 'The date of birth cannot be in the future.', {
      fields: { dateOfBirth: 'This date is in the future.' },
    });
  }
}

/** Whole days between two ISO dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

const getIssueRow = (db: Db, issueId: string): IssueRow => {
  const row = db.prepare('SELECT * FROM referral_issues WHERE id = ? AND deleted_at IS NULL').get(issueId) as
    IssueRow | undefined;
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

export function updateIssue(
  ctx: CoreContext,
  issueId: string,
  fields: Partial<IssueInput> & { status?: Issue['status']; outcome?: Issue['outcome']; outcomeNote?: string | null },
  reason?: string,
): Issue {
  const who = whoCorrects(ctx);
  return ctx.write((w, db) => {
    const before = getIssueRow(db, issueId);
    // The day an issue is resolved puts its outcome in that quarter's report; reopening clears it.
    const closedOn =
      fields.status === 'resolved' && before.status !== 'resolved'
        ? todayIso(ctx.now())
        : fields.status === 'open'
          ? null
          : undefined;
    w.upsert('referral_issue', issueId, before.referral_id, {
      ...toColumns(issueRecord, fields),
      ...(closedOn === undefined ? {} : { closed_on: closedOn }),
    });
    const after = getIssueRow(db, issueId);
    keepCorrection(w, ctx, who, {
      entity: 'referral_issue',
      recordId: issueId,
      caseId: before.referral_id,
      before: { ...before },
      after: { ...after },
      reason,
    });
    return toIssue(after);
  });
}

export function removeIssue(ctx: CoreContext, issueId: string, reason?: string): boolean {
  const who = whoCorrects(ctx);
  return ctx.write((w, db) => {
    const before = getIssueRow(db, issueId);
    w.remove('referral_issue', issueId, before.referral_id);
    keepCorrection(w, ctx, who, {
      entity: 'referral_issue',
      recordId: issueId,
      caseId: before.referral_id,
      before: { ...before },
      after: null,
      reason,
    });
    return true;
  });
}
