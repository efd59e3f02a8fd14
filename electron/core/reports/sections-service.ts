import { councilNames } from '../../../shared/domain/councils';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { CaseStudyCandidate, ReportSection } from '../../../shared/ipc/reports';
import { ageOn } from '../../../shared/reports/age';
import { anonymise, placeParts, suggestPseudonym, type IdentifyingDetails } from '../../../shared/reports/anonymise';
import type { FeedbackFormKind, RespondentRole } from '../../../shared/reports/feedback';
import type { Period } from '../../../shared/reports/period';
import { getCaseSummary } from '../caseload/case-summary';
import type { Db } from '../db/database';

/**
 * The manager's words for a period's report: narrative sections and anonymised case studies.
 * Kept in the encrypted store on this device (not synced: one manager writes one report).
 */
interface Row {
  id: string;
  period_from: string;
  period_to: string;
  kind: ReportSection['kind'];
  position: number;
  title: string;
  body: string;
  case_id: string | null;
  updated_at: string;
}

const toSection = (r: Row): ReportSection => ({
  id: r.id,
  period: { from: r.period_from, to: r.period_to },
  kind: r.kind,
  position: r.position,
  title: r.title,
  body: r.body,
  caseId: r.case_id,
  updatedAt: r.updated_at,
});

export function listSections(db: Db, period: Period): ReportSection[] {
  const rows = db
    .prepare('SELECT * FROM report_sections WHERE period_from = ? AND period_to = ? ORDER BY position, updated_at')
    .all(period.from, period.to) as Row[];
  return rows.map(toSection);
}

export interface SaveSection {
  id?: string | undefined;
  period: Period;
  kind: ReportSection['kind'];
  title: string;
  body: string;
  caseId: string | null;
  pseudonym?: string | undefined;
  extraPlaces: string[];
  extraNames: string[];
}

/** Saves a section; a case study's title and text are anonymised against its case before they are kept. */
export function saveSection(db: Db, input: SaveSection, now: Date): ReportSection {
  let { title, body } = input;
  if (input.kind === 'case_study') {
    if (!input.caseId)
      throw new AppError(
        'invalid_input',
        'Pick the case this case study is about, so its names and places can be replaced.',
        { fields: { caseId: 'Pick a case.' } },
      );
    const details = identifyingDetails(db, input.caseId);
    if (!details) throw new AppError('not_found', 'That case could not be found, so the case study was not saved.');
    const merged: IdentifyingDetails = {
      names: details.names,
      otherNames: [...details.otherNames, ...input.extraNames],
      places: [...details.places, ...input.extraPlaces],
    };
    const pseudonym = input.pseudonym || suggestPseudonym(input.caseId, details.names);
    title = anonymise(title, merged, pseudonym);
    body = anonymise(body, merged, pseudonym);
  }
  const existing = input.id
    ? (db.prepare('SELECT * FROM report_sections WHERE id = ?').get(input.id) as Row | undefined)
    : undefined;
  if (input.id && !existing)
    throw new AppError('not_found', 'That section could not be found. It may have been removed.');
  const id = existing?.id ?? uuidv7();
  const position =
    existing?.position ??
    (db
      .prepare('SELECT coalesce(max(position), 0) + 1 FROM report_sections WHERE period_from = ? AND period_to = ?')
      .pluck()
      .get(input.period.from, input.period.to) as number);
  db.prepare(
    `INSERT INTO report_sections (id, period_from, period_to, kind, position, title, body, case_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, body = excluded.body, case_id = excluded.case_id, updated_at = excluded.updated_at`,
  ).run(id, input.period.from, input.period.to, input.kind, position, title, body, input.caseId, now.toISOString());
  return toSection(db.prepare('SELECT * FROM report_sections WHERE id = ?').get(id) as Row);
}

export const removeSection = (db: Db, id: string): boolean =>
  db.prepare('DELETE FROM report_sections WHERE id = ?').run(id).changes > 0;

/** The names and places in a case's record that a case study must not carry. */
export function identifyingDetails(db: Db, caseId: string): IdentifyingDetails | null {
  const c = getCaseSummary(db, caseId);
  if (!c) return null;
  const p = c.person;
  const contacts = c.person.id
    ? ((db.prepare('SELECT key_contacts FROM people WHERE id = ?').pluck().get(c.person.id) as
        string | null | undefined) ?? null)
    : null;
  let otherNames: string[] = [];
  try {
    const parsed: unknown = contacts ? JSON.parse(contacts) : [];
    if (Array.isArray(parsed))
      otherNames = parsed.flatMap((k: unknown) =>
        k && typeof k === 'object' && 'name' in k && typeof k.name === 'string' ? [k.name, ...k.name.split(/\s+/)] : [],
      );
  } catch {
    // A damaged contacts field only means fewer words are replaced; the names and places still are.
  }
  const names = [p.preferredName, p.legalName, p.firstName, p.lastName].filter(
    (n): n is string => !!n && n.trim().length > 0,
  );
  const places = [
    ...(p.localAuthority ? councilNames(p.localAuthority) : []),
    ...placeParts(p.placementAddress),
  ].filter((n): n is string => !!n && n.trim().length > 0);
  return { names, otherNames: otherNames.filter((n) => n.length >= 2), places };
}

/** Cases closed in the period, as the manager picks a case study from them. */
export function caseStudyCandidates(db: Db, period: Period): CaseStudyCandidate[] {
  const ids = db
    .prepare(
      'SELECT id FROM referrals WHERE deleted_at IS NULL AND closure_date BETWEEN ? AND ? ORDER BY closure_date DESC LIMIT 200',
    )
    .pluck()
    .all(period.from, period.to) as string[];
  return ids.flatMap((id) => {
    const c = getCaseSummary(db, id);
    if (!c) return [];
    return [
      {
        caseId: c.caseId,
        reference: c.reference,
        name: c.person.preferredName,
        serviceUserType: c.serviceUserType,
        ageAtReferral: c.referralDate ? ageOn(c.person.dateOfBirth, c.referralDate) : null,
        issues: c.issues.map((i) => i.code),
        closureOutcome: c.closureOutcome,
        suggestedPseudonym: suggestPseudonym(c.caseId, [c.person.preferredName, c.person.firstName ?? '']),
      },
    ];
  });
}

/** Suggestions from feedback forms whose writer agreed to be quoted, for the feedback section. */
export function quotableComments(
  db: Db,
  period: Period,
): Array<{ kind: FeedbackFormKind; respondentRole: RespondentRole | null; comment: string }> {
  const rows = db
    .prepare(
      `SELECT kind, respondent_role AS respondentRole, comment FROM feedback_forms
       WHERE deleted_at IS NULL AND may_quote = 1 AND length(trim(comment)) > 0 AND received_date BETWEEN ? AND ?
       ORDER BY received_date`,
    )
    .all(period.from, period.to) as Array<{
    kind: FeedbackFormKind;
    respondentRole: RespondentRole | null;
    comment: string;
  }>;
  return rows;
}
