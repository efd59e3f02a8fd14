import { AppError } from '../../../shared/ipc/errors';
import { ALLOCATION_ENTITY } from '../../../shared/sync/team-protocol';
import { getAdvocate } from '../caseload/advocates';
import type { CoreContext } from '../ipc/handler-types';

/**
 * Cases this laptop allocated, before it was connected, to a name typed by hand reach nobody's
 * laptop: the service has no such person. Nor do the cases of someone whose account was closed.
 * A manager gives that person's open cases to one of the service's active people in one step;
 * each becomes the service's allocation as if allocated one by one (the first allocation date is
 * kept). Closed cases keep the name they had, as history.
 */
export function moveTypedNameCases(ctx: CoreContext, typedId: string, userId: string): { moved: number } {
  return ctx.write((w, db) => {
    const typed = getAdvocate(db, typedId);
    if (!typed || typed.serviceStatus === 'active')
      throw new AppError(
        'not_found',
        'That name could not be found among those typed on this laptop or whose account is closed.',
      );
    const target = getAdvocate(db, userId);
    if (!target || target.serviceStatus !== 'active') {
      throw new AppError(
        'invalid_input',
        'Choose someone from your service: only their laptops can receive the cases.',
        { fields: { userId: 'Not on your service.' } },
      );
    }
    const cases = db
      .prepare(
        "SELECT id FROM referrals WHERE allocated_to = ? AND deleted_at IS NULL AND status <> 'closed' ORDER BY id",
      )
      .pluck()
      .all(typedId) as string[];
    for (const caseId of cases) {
      w.upsert('referral', caseId, caseId, { allocated_to: userId });
      w.upsert(ALLOCATION_ENTITY, caseId, null, { user_id: userId });
    }
    return { moved: cases.length };
  });
}
