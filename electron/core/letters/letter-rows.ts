import { displayName } from '../../../shared/domain/caseload';
import { AppError } from '../../../shared/ipc/errors';
import type { DocJson, Letter, LetterSummary, UnsentLetter, sendMethods } from '../../../shared/ipc/letters';
import type { Db } from '../db/database';

/** Reading letters from the store: the row shape and the record the screens see. */

export interface LetterRow {
  id: string;
  case_id: string;
  template_id: string | null;
  complaint_id: string | null;
  title: string;
  recipient: string | null;
  body: string;
  sent_on: string | null;
  sent_method: string | null;
  created_at: string | null;
  updated_at: string | null;
  version: number | null;
  version_of: string | null;
  change_note: string | null;
  placeholders_left: string | null;
  deleted_at: string | null;
}

type SendMethod = (typeof sendMethods)[number];

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function correctedBy(db: Db, id: string): string | null {
  return (
    (db
      .prepare('SELECT id FROM letters WHERE version_of = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1')
      .pluck()
      .get(id) as string | undefined) ?? null
  );
}

export function toLetter(db: Db, r: LetterRow): Letter {
  return {
    id: r.id,
    caseId: r.case_id,
    templateId: r.template_id,
    complaintId: r.complaint_id,
    title: r.title,
    recipient: r.recipient,
    body: JSON.parse(r.body) as DocJson,
    sentOn: r.sent_on,
    sentMethod: r.sent_method as SendMethod | null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version ?? 1,
    versionOf: r.version_of,
    changeNote: r.change_note,
    correctedBy: correctedBy(db, r.id),
    placeholdersLeft: parseList(r.placeholders_left),
  };
}

const summaryOf = (db: Db, r: LetterRow): LetterSummary => {
  const { body: _body, ...rest } = toLetter(db, r);
  return rest;
};

export function letterRow(db: Db, id: string, options: { deleted?: boolean } = {}): LetterRow {
  const r = db
    .prepare(`SELECT * FROM letters WHERE id = ? AND deleted_at IS ${options.deleted ? 'NOT NULL' : 'NULL'}`)
    .get(id) as LetterRow | undefined;
  if (!r)
    throw new AppError(
      'not_found',
      options.deleted
        ? 'That letter is no longer waiting to be brought back.'
        : 'That letter could not be found. It may have been deleted.',
    );
  return r;
}

export function getLetter(db: Db, id: string): Letter {
  return toLetter(db, letterRow(db, id));
}

/** A sent letter is a record of what left: it cannot be edited, filled in or deleted. */
export function assertDraft(r: LetterRow): void {
  if (r.sent_on) {
    throw new AppError(
      'conflict',
      'This letter has been sent, so it cannot be changed. Write a correction instead: it becomes a new version that says what changed.',
    );
  }
}

export function lettersForCase(db: Db, caseId: string): LetterSummary[] {
  const rows = db
    .prepare('SELECT * FROM letters WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC')
    .all(caseId) as LetterRow[];
  return rows.map((r) => summaryOf(db, r));
}

/** Letters written but not yet recorded as sent, across every case on this device, oldest first. */
export function unsentLetters(db: Db): UnsentLetter[] {
  const rows = db
    .prepare(
      `SELECT l.*, r.reference AS case_reference, p.preferred_name, p.first_name, p.last_name
         FROM letters l
         LEFT JOIN referrals r ON r.id = l.case_id AND r.deleted_at IS NULL
         LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
        WHERE l.deleted_at IS NULL AND l.sent_on IS NULL
        ORDER BY l.created_at`,
    )
    .all() as (LetterRow & {
    case_reference: string | null;
    preferred_name: string | null;
    first_name: string | null;
    last_name: string | null;
  })[];
  return rows.map((r) => ({
    ...summaryOf(db, r),
    caseLabel: r.case_reference
      ? {
          name: displayName({ preferredName: r.preferred_name, firstName: r.first_name, lastName: r.last_name }),
          reference: r.case_reference,
        }
      : null,
  }));
}
