import { ALLOCATION_ENTITY } from '../../../shared/sync/team-protocol';
import type { CoreContext } from '../ipc/handler-types';
import { CURRENT_ADVOCATE_KEY } from './current-advocate';

export interface ServiceAccount {
  userId: string;
  userName: string;
  role: string;
}

/** The person this computer is enrolled for, when it is connected to a service. */
export function serviceAccount(ctx: CoreContext): ServiceAccount | null {
  const a = ctx.sync.account();
  return a ? { userId: a.user_id, userName: a.user_name, role: a.role } : null;
}

const NAMED_KEY = 'current_advocate_named';

/**
 * Once connected, the person using this computer is the service's user, not the local "Me".
 * Cases allocated here to the local "Me" are allocated to that user instead (through the writer,
 * so the change syncs), and on a manager's laptop the allocation is sent as the service's own.
 * The local "Me" stays in the list of names typed here: nothing is deleted.
 */
export function adoptServiceIdentity(ctx: CoreContext, account: ServiceAccount): void {
  ctx.write((w, db) => {
    const old = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CURRENT_ADVOCATE_KEY) as
      string | undefined;
    if (old === account.userId) return;
    if (old) {
      const mine = db
        .prepare('SELECT id FROM referrals WHERE allocated_to = ? AND deleted_at IS NULL')
        .pluck()
        .all(old) as string[];
      for (const caseId of mine) {
        w.upsert('referral', caseId, caseId, { allocated_to: account.userId });
        if (account.role !== 'advocate') w.upsert(ALLOCATION_ENTITY, caseId, null, { user_id: account.userId });
      }
    }
    const set = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    set.run(CURRENT_ADVOCATE_KEY, account.userId);
    set.run(NAMED_KEY, '1');
  });
}
