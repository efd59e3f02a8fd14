import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { SystemicIssue, SystemicIssueInput } from '../../../shared/ipc/systemic-issues';
import { systemicKey } from '../../../shared/reports/activity';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';

/**
 * The systemic issues log: wider problems an advocate meets on a case, each under one of the four
 * areas of change. The report counts the cases behind each; the words stay with the case.
 */
interface Row {
  id: string;
  case_id: string;
  area: SystemicIssue['area'];
  issue: string;
  detail: string;
  raised_on: string;
  created_at: string | null;
}

const toIssue = (r: Row): SystemicIssue => ({
  id: r.id,
  caseId: r.case_id,
  area: r.area,
  issue: r.issue,
  detail: r.detail,
  raisedOn: r.raised_on,
  createdAt: r.created_at,
});

export function listSystemicIssues(db: Db, caseId: string): SystemicIssue[] {
  const rows = db
    .prepare('SELECT * FROM systemic_issues WHERE case_id = ? AND deleted_at IS NULL ORDER BY raised_on DESC, id')
    .all(caseId) as Row[];
  return rows.map(toIssue);
}

function getIssue(db: Db, id: string): SystemicIssue {
  const row = db.prepare('SELECT * FROM systemic_issues WHERE id = ? AND deleted_at IS NULL').get(id) as
    Row | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      'That systemic issue could not be found. It may have been removed on another device.',
    );
  return toIssue(row);
}

/** Earlier wordings used across the service, so advocates pick the same words and the report groups them. */
export function systemicIssueSuggestions(db: Db): Array<{ area: SystemicIssue['area']; issue: string }> {
  const rows = db
    .prepare(
      'SELECT area, issue, count(*) AS n FROM systemic_issues WHERE deleted_at IS NULL GROUP BY area, issue ORDER BY n DESC, issue',
    )
    .all() as Array<{ area: SystemicIssue['area']; issue: string }>;
  // Grouped as the report groups them, so two spellings of one issue are offered once (the commonest).
  const seen = new Set<string>();
  const out: Array<{ area: SystemicIssue['area']; issue: string }> = [];
  for (const r of rows) {
    const key = `${r.area}\u0000${systemicKey(r.issue)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ area: r.area, issue: r.issue.trim() });
  }
  return out.slice(0, 200);
}

export function saveSystemicIssue(ctx: CoreContext, input: SystemicIssueInput): SystemicIssue {
  const exists = ctx.db().prepare('SELECT 1 FROM referrals WHERE id = ? AND deleted_at IS NULL').get(input.caseId);
  if (!exists) throw new AppError('not_found', 'That case could not be found, so the systemic issue was not saved.');
  if (input.id && getIssue(ctx.db(), input.id).caseId !== input.caseId)
    throw new AppError('invalid_input', 'This systemic issue belongs to another case.');
  const id = input.id ?? uuidv7();
  ctx.write((w) => {
    w.upsert('systemic_issue', id, input.caseId, {
      case_id: input.caseId,
      area: input.area,
      issue: input.issue,
      detail: input.detail,
      raised_on: input.raisedOn,
      created_at: input.id ? undefined : ctx.now().toISOString(),
    });
  });
  return getIssue(ctx.db(), id);
}

export function removeSystemicIssue(ctx: CoreContext, id: string): boolean {
  const row = ctx.db().prepare('SELECT case_id FROM systemic_issues WHERE id = ? AND deleted_at IS NULL').get(id) as
    { case_id: string } | undefined;
  if (!row) return false;
  ctx.write((w) => w.remove('systemic_issue', id, row.case_id));
  return true;
}
