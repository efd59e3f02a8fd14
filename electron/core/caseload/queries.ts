import { displayName, type CaseRow } from '../../../shared/domain/caseload';
import type { IssueCode } from '../../../shared/domain/codes';
import { todayIso } from '../../../shared/domain/dates';
import { councilName } from '../../../shared/domain/councils';
import type { CaseListFilter, KnownPerson, TriageRow } from '../../../shared/ipc/caseload';
import { caseListFilterSchema } from '../../../shared/ipc/caseload';
import type { Db } from '../db/database';
import { nextEvents } from './next-events';
import { daysBetween } from './referrals';

/** Reads for the caseload screen, triage queue and search. Plain SQL over the indexed tables. */

const ROW_SELECT = `
  SELECT r.id AS caseId, r.reference, p.first_name, p.last_name, p.preferred_name, p.date_of_birth AS dateOfBirth,
         r.service_user_type AS serviceUserType, p.local_authority AS localAuthority, r.urgency, r.status,
         r.referral_date AS referralDate, a.name AS advocateName, r.urgency_reason AS urgencyReason,
         (SELECT group_concat(i.code, ';') FROM referral_issues i WHERE i.referral_id = r.id AND i.deleted_at IS NULL) AS codes
  FROM referrals r
  LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
  LEFT JOIN advocates a ON a.id = r.allocated_to AND a.deleted_at IS NULL`;

export const SEARCH_LIMIT = 50;
const URGENCY_RANK = `CASE r.urgency WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END`;

type RawRow = Omit<CaseRow, 'displayName' | 'issueCodes' | 'next'> & {
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  codes: string | null;
  urgencyReason: string | null;
};

function shape(r: RawRow): CaseRow & { urgencyReason: string | null } {
  const { first_name, last_name, preferred_name, codes, ...rest } = r;
  return {
    ...rest,
    displayName: displayName({ firstName: first_name, lastName: last_name, preferredName: preferred_name }),
    issueCodes: codes ? (codes.split(';') as IssueCode[]) : [],
    next: null,
  };
}

/**
 * Words typed into the search box -> an FTS5 query: every word must match the start of a word
 * in a name, reference or what was written. Only letters and digits survive, so nothing a user
 * types can be read as FTS5 syntax.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 8)
    .map((w) => `"${w}"*`)
    .join(' ');
}

export function listCases(
  db: Db,
  filter: CaseListFilter,
  me: string | null,
  now: Date,
): { rows: CaseRow[]; more: boolean } {
  const f = caseListFilterSchema.parse(filter);
  const where = ['r.deleted_at IS NULL'];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly string[]) => {
    if (values.length === 0) return;
    where.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (f.mine) {
    where.push('r.allocated_to = ?');
    params.push(me);
  }
  inList('r.status', f.statuses);
  inList('r.service_user_type', f.serviceUserTypes);
  inList('r.urgency', f.urgencies);
  inList('p.local_authority', f.localAuthorities);
  const match = ftsQuery(f.query);
  // Search as you type shows the newest matches; more are reached by typing more, not scrolling.
  const limit = match ? Math.min(f.limit, SEARCH_LIMIT) : f.limit;
  let sql: string;
  if (match) {
    // Newest matches first, streamed from the index so a short prefix need not rank every hit.
    sql = `WITH hits AS (SELECT rowid AS k FROM caseload_fts WHERE caseload_fts MATCH ? ORDER BY rowid DESC)
      ${ROW_SELECT.replace('FROM referrals r', 'FROM hits JOIN caseload_search_keys sk ON sk.k = hits.k JOIN referrals r ON r.id = sk.referral_id')}
      WHERE ${where.join(' AND ')} ORDER BY hits.k DESC LIMIT ?`;
    params.unshift(match);
  } else {
    sql = `${ROW_SELECT} WHERE ${where.join(' AND ')}
      ORDER BY CASE r.status WHEN 'open' THEN 0 WHEN 'awaiting_allocation' THEN 1 ELSE 2 END, ${URGENCY_RANK}, r.referral_date, r.reference LIMIT ?`;
  }
  params.push(limit + 1);
  const raw = db.prepare(sql).all(...params) as RawRow[];
  const more = raw.length > limit;
  const rows = raw.slice(0, limit).map(shape);
  const next = nextEvents(
    db,
    rows.map((r) => r.caseId),
    todayIso(now),
  );
  const withNext = rows.map(({ urgencyReason: _u, ...r }) => ({ ...r, next: next.get(r.caseId) ?? null }));
  if (!match && next.size > 0) {
    // Cases with something coming up first, soonest first; the rest keep their order.
    const dated = withNext
      .filter((r) => r.next)
      .sort((a, b) => (a.next!.date < b.next!.date ? -1 : a.next!.date > b.next!.date ? 1 : 0));
    return { rows: [...dated, ...withNext.filter((r) => !r.next)], more };
  }
  return { rows: withNext, more };
}

/** Unallocated referrals: most urgent first, then whoever has waited longest. */
export function triageQueue(db: Db, now: Date): TriageRow[] {
  const today = todayIso(now);
  const raw = db
    .prepare(
      `${ROW_SELECT} WHERE r.deleted_at IS NULL AND r.status = 'awaiting_allocation'
       ORDER BY ${URGENCY_RANK}, r.referral_date IS NULL, r.referral_date, r.created_at`,
    )
    .all() as RawRow[];
  const online = new Map(
    (
      db
        .prepare(
          "SELECT id, possible_match IS NOT NULL AND match_decision IS NULL AS open FROM referrals WHERE received_via = 'online' AND status = 'awaiting_allocation'",
        )
        .all() as { id: string; open: number }[]
    ).map((o) => [o.id, o.open === 1]),
  );
  return raw.map((r) => {
    const row = shape(r);
    const waitingDays = row.referralDate ? Math.max(0, daysBetween(row.referralDate, today)) : null;
    return {
      ...row,
      waitingDays,
      receivedOnline: online.has(row.caseId),
      possibleMatch: online.get(row.caseId) ?? false,
    };
  });
}

/** The councils of the people held here, by code with the name shown, in name order. */
export function localAuthorities(db: Db): Array<{ code: string; name: string }> {
  const stored = db
    .prepare('SELECT DISTINCT local_authority FROM people WHERE deleted_at IS NULL AND local_authority IS NOT NULL')
    .pluck()
    .all() as string[];
  return stored
    .map((code) => ({ code, name: councilName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** People already known to the service, by name, for a re-referral. */
export function findPeople(db: Db, text: string): KnownPerson[] {
  const match = ftsQuery(text);
  if (!match) return [];
  const rows = db
    .prepare(
      `SELECT p.id AS personId, p.first_name, p.last_name, p.preferred_name, p.date_of_birth AS dateOfBirth, p.local_authority AS localAuthority,
              p.kind, p.status_tags, count(r.id) AS referrals
       FROM (SELECT rowid AS k FROM caseload_fts WHERE caseload_fts MATCH ? ORDER BY rowid DESC LIMIT 200) hits
       JOIN caseload_search_keys sk ON sk.k = hits.k
       JOIN referrals r ON r.id = sk.referral_id AND r.deleted_at IS NULL
       JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
       GROUP BY p.id ORDER BY max(hits.k) DESC LIMIT 20`,
    )
    .all(`names : (${match})`) as Array<{
    personId: string;
    first_name: string | null;
    last_name: string | null;
    preferred_name: string | null;
    dateOfBirth: string | null;
    localAuthority: string | null;
    kind: string;
    status_tags: string | null;
    referrals: number;
  }>;
  return rows.map((r) => ({
    personId: r.personId,
    displayName: displayName({ firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name }),
    dateOfBirth: r.dateOfBirth,
    localAuthority: r.localAuthority,
    kind: r.kind === 'parent' ? 'parent' : 'young_person',
    statusTags: r.status_tags ? (JSON.parse(r.status_tags) as string[]) : [],
    referrals: r.referrals,
  }));
}
