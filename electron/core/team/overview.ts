import { displayName } from '../../../shared/domain/caseload';
import { todayIso } from '../../../shared/domain/dates';
import type { TeamOverview } from '../../../shared/ipc/team';
import { ALLOCATION_ENTITY } from '../../../shared/sync/team-protocol';
import { triageQueue } from '../caseload/queries';
import type { Db } from '../db/database';
import { dueActions } from '../fieldwork/actions';
import type { CoreContext } from '../ipc/handler-types';
import { overdueComplaints } from '../letters/complaints-service';

/** A case as the Team screen names it: its reference, the young person's name, who holds it. */
function caseNamer(db: Db): (caseId: string) => { reference: string; name: string; advocateName: string | null } {
  const q = db.prepare(
    `SELECT r.reference, p.preferred_name, p.first_name, p.last_name, a.name AS advocate
       FROM referrals r LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL LEFT JOIN advocates a ON a.id = r.allocated_to
      WHERE r.id = ?`,
  );
  return (caseId) => {
    const r = q.get(caseId) as
      | {
          reference: string;
          preferred_name: string | null;
          first_name: string | null;
          last_name: string | null;
          advocate: string | null;
        }
      | undefined;
    if (!r) return { reference: 'Case', name: 'Name not recorded', advocateName: null };
    return {
      reference: r.reference,
      name: displayName({ preferredName: r.preferred_name, firstName: r.first_name, lastName: r.last_name }),
      advocateName: r.advocate,
    };
  };
}

/**
 * The Team screen's figures, worked out here: a manager's laptop holds every case of the service.
 * Deadlines come from the same rules the case pages use (complaint stages, actions' due dates).
 */
export function teamOverview(ctx: CoreContext): TeamOverview {
  const db = ctx.db();
  const now = ctx.now();
  const today = todayIso(now);
  const named = caseNamer(db);

  const holders = db
    .prepare(
      `SELECT r.allocated_to AS advocateId, coalesce(a.name, 'Someone not in this laptop''s list') AS name, a.service_status AS onService, count(*) AS open
         FROM referrals r LEFT JOIN advocates a ON a.id = r.allocated_to
        WHERE r.deleted_at IS NULL AND r.status = 'open' AND r.allocated_to IS NOT NULL
        GROUP BY r.allocated_to
       UNION ALL
       SELECT a.id, a.name, a.service_status, 0 FROM advocates a
        WHERE a.deleted_at IS NULL AND a.service_status = 'active'
          AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.allocated_to = a.id AND r.deleted_at IS NULL AND r.status = 'open')
        ORDER BY open DESC, name COLLATE NOCASE`,
    )
    .all() as TeamOverview['advocates'];

  const waiting = triageQueue(db, now).sort((a, b) => (b.waitingDays ?? -1) - (a.waitingDays ?? -1));

  const complaints = overdueComplaints(db, today).map((c) => ({
    id: c.id,
    caseId: c.caseId,
    ...named(c.caseId),
    dueOn: c.nextDue ?? today,
    stage: c.stage,
  }));
  const actions = dueActions(ctx, 0)
    .filter((a) => a.overdue)

    .map((a) => ({ id: a.id, caseId: a.caseId, ...named(a.caseId), dueOn: a.dueOn, description: a.description }));

  const unsent = db
    .prepare('SELECT DISTINCT entity_id FROM outbox WHERE entity = ? ORDER BY entity_id')
    .pluck()
    .all(ALLOCATION_ENTITY) as string[];
  return {
    advocates: holders,
    waiting,
    urgentUnallocated: waiting.filter((r) => r.urgency === 'urgent'),
    overdueComplaints: complaints,
    overdueActions: actions,
    waitingToSend: unsent.map((caseId) => ({ caseId, ...named(caseId) })),
  };
}
