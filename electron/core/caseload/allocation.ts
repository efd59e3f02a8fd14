import type { Referral } from '../../../shared/domain/caseload';
import { AppError } from '../../../shared/ipc/errors';
import { ALLOCATION_ENTITY } from '../../../shared/sync/team-protocol';
import type { CoreContext } from '../ipc/handler-types';
import { getAdvocate } from './advocates';
import { daysBetween, getReferralRow } from './referrals';
import { toReferral } from './rows';
import { serviceAccount } from './service-identity';

/**
 * Allocates a case. On a manager's laptop connected to a service the allocation is also written
 * as the service's own (a `case_allocation` record, shared/sync/team-protocol.ts): it waits in the
 * outbox like any change, and once the service has it the advocate's laptop receives the case and
 * the previous holder's purges it. An advocate's laptop may only take a case itself; giving one to
 * someone else is a manager's decision, and the service would refuse it anyway.
 */
export function allocate(ctx: CoreContext, caseId: string, advocateId: string, date: string): Referral {
  const account = serviceAccount(ctx);
  if (account?.role === 'advocate' && advocateId !== account.userId) {
    throw new AppError(
      'forbidden',
      'Only a manager can allocate a case to another advocate. Ask your manager to allocate it.',
    );
  }
  return ctx.write((w, db) => {
    const r = getReferralRow(db, caseId);
    const target = getAdvocate(db, advocateId);
    const self = account !== null && advocateId === account.userId;
    if (!target && !self) throw new AppError('not_found', 'That advocate could not be found.');
    if (account && !self && target?.serviceStatus !== 'active') {
      throw new AppError(
        'invalid_input',
        'Choose someone from your service: only their laptops can receive the case.',
        { fields: { advocateId: 'Not on your service.' } },
      );
    }
    if (r.status === 'closed') throw new AppError('conflict', 'This case is closed. Reopen it before allocating it.');
    if (r.referral_date && date < r.referral_date)
      throw new AppError('invalid_input', 'The allocation date cannot be before the referral date.', {
        fields: { date: 'Before the referral date.' },
      });
    // Reallocation keeps the first allocation date: time to allocation measures how long the young person waited.
    const first = r.allocation_date ?? date;
    w.upsert('referral', caseId, caseId, {
      allocated_to: advocateId,
      allocation_date: first,
      days_to_allocation: r.referral_date ? daysBetween(r.referral_date, first) : null,
      status: 'open',
    });
    if (account && account.role !== 'advocate') w.upsert(ALLOCATION_ENTITY, caseId, null, { user_id: advocateId });
    return toReferral(getReferralRow(db, caseId));
  });
}

/** Whether a manager's allocation of this case is still waiting to reach the service. */
export function allocationWaiting(ctx: CoreContext, caseId: string): boolean {
  return (
    ctx
      .db()
      .prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1')
      .get(ALLOCATION_ENTITY, caseId) !== undefined
  );
}
