import { displayName } from '../../../shared/domain/caseload';
import { matchCouncil } from '../../../shared/domain/council-match';
import { councilByCode } from '../../../shared/domain/councils';
import type { UnmatchedCouncil } from '../../../shared/ipc/councils';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';

/**
 * Councils typed as free text before they were chosen from a list, that did not name exactly one
 * council (the store's migration kept those that did as their code). Records synced from a
 * laptop still on an older Heard can bring more, so this is worked out each time it is asked.
 */
export function unmatchedCouncils(db: Db): UnmatchedCouncil[] {
  const rows = db
    .prepare(
      `SELECT p.id AS personId, p.local_authority AS typed, p.first_name, p.last_name, p.preferred_name, r.id AS caseId, r.reference
       FROM people p
       JOIN referrals r ON r.id = (SELECT id FROM referrals WHERE person_id = p.id AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1)
       WHERE p.deleted_at IS NULL AND p.local_authority IS NOT NULL`,
    )
    .all() as Array<{
    personId: string;
    typed: string;
    first_name: string | null;
    last_name: string | null;
    preferred_name: string | null;
    caseId: string;
    reference: string;
  }>;
  return rows
    .filter((r) => !councilByCode(r.typed))
    .map((r) => {
      const m = matchCouncil(r.typed);
      const suggestions =
        m.kind === 'match'
          ? [m.council]
          : m.kind === 'ambiguous'
            ? m.candidates
            : m.kind === 'none'
              ? m.suggestions
              : [];
      return {
        personId: r.personId,
        caseId: r.caseId,
        reference: r.reference,
        displayName: displayName({ firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name }),
        typed: r.typed,
        suggestions: suggestions.map((c) => c.code),
      };
    })
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en-GB'));
}

/** Records the council the advocate chose for a person. */
export function chooseCouncil(
  ctx: CoreContext,
  personId: string,
  caseId: string,
  code: string,
): { code: string; name: string } {
  const council = councilByCode(code);
  if (!council)
    throw new AppError('invalid_input', 'Choose a council from the list.', {
      fields: { code: 'Choose a council from the list.' },
    });
  return ctx.write((w, db) => {
    const linked = db
      .prepare('SELECT 1 FROM referrals WHERE id = ? AND person_id = ? AND deleted_at IS NULL')
      .get(caseId, personId);
    if (!linked) throw new AppError('not_found', 'That young person or parent could not be found.');
    w.upsert('person', personId, caseId, { local_authority: council.code });
    return { code: council.code, name: council.name };
  });
}
