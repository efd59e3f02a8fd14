import { issueLabels } from '../../../shared/domain/code-labels';
import { tableExists, type FieldCtx } from './context';

/**
 * What field work needs to know about a case from the caseload (migration 0002): whether the
 * advocacy is non-instructed, and its issues for linking wishes and feelings. Read-only; a case
 * that has not arrived by sync yet counts as instructed with no issues.
 */
export function caseInfo(
  ctx: FieldCtx,
  caseId: string,
): { advocacyType: 'instructed' | 'non_instructed'; issues: { id: string; label: string }[] } {
  const db = ctx.db();
  if (!tableExists(db, 'referrals')) return { advocacyType: 'instructed', issues: [] };
  const type = db.prepare('SELECT advocacy_type FROM referrals WHERE id = ?').pluck().get(caseId) as string | undefined;
  const issues = tableExists(db, 'referral_issues')
    ? (db
        .prepare(
          'SELECT id, code, description FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
        )
        .all(caseId) as { id: string; code: string; description: string | null }[])
    : [];
  return {
    advocacyType: type === 'non_instructed' ? 'non_instructed' : 'instructed',
    issues: issues.map((i) => {
      const name = (issueLabels as Record<string, string>)[i.code] ?? i.code;
      const detail = i.description?.trim();
      return { id: i.id, label: detail ? `${name}: ${detail.length > 60 ? `${detail.slice(0, 57)}…` : detail}` : name };
    }),
  };
}
