import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import { fromColumn } from '../db/columns';
import { entityRegistry } from '../db/entity-registry';
import { e2eMode } from '../e2e/mode';
import type { CoreContext } from '../ipc/handler-types';
import { managerApi } from '../sync/manager-api';
import { checkErasable, eraseHere } from './retention-service';

/**
 * Erasing cases at the end of their retention period. The service cannot read records, so the
 * review runs here, on a manager's laptop that holds every case; a laptop connected to a service
 * then asks the service to erase each case everywhere (every laptop that holds it erases its copy
 * when it next syncs) before erasing its own. Unreachable service: nothing is erased anywhere, so
 * the case is never gone here yet alive on the others.
 */
export async function eraseDueCasesEverywhere(
  ctx: CoreContext,
  caseIds: string[],
  confirmCount: number,
): Promise<{ erased: number; rowsRemoved: number }> {
  const unique = checkErasable(ctx, caseIds, confirmCount);
  if (!ctx.sync.account()) return eraseHere(ctx, unique);
  const keep = keptRecords(ctx.db(), unique);
  try {
    await ctx.sync.withService((api, token) => managerApi.erase(api, token, { caseIds: unique, keep }));
  } catch (e) {
    // A refusal (no key on this laptop, or the organisation's daily allowance spent) already says
    // why and when to try again; only a service that did not answer calls for being online.
    if (e instanceof AppError && e.code === 'forbidden')
      throw new AppError('forbidden', `${e.message} Nothing was deleted on this laptop either.`);
    const why = e instanceof AppError ? e.message : 'The service could not be reached.';
    throw new AppError(
      'conflict',
      `${why} Nothing was deleted: the cases must be erased from the service too, so every laptop erases them. Try again when this computer is online.`,
    );
  }
  const out = eraseHere(ctx, unique);
  resendMoved(ctx, keep);
  return out;
}

/**
 * The service moved each kept record to its new case, but a sealed value stays bound to the case
 * it was sealed under (docs/e2e.md, Values) and would not open there. So this laptop sends the
 * record again whole, sealed under its new case, and notes the case the service now files it under.
 */
function resendMoved(ctx: CoreContext, keep: { entity: string; entityId: string; toCase: string }[]): void {
  if (!keep.length) return;
  ctx.write((w, db) => {
    for (const k of keep) {
      db.prepare('UPDATE sync_record_cases SET case_id = ? WHERE entity = ? AND entity_id = ?').run(
        k.toCase,
        k.entity,
        k.entityId,
      );
      const spec = entityRegistry[k.entity];
      if (!spec || e2eMode(db) !== 'sealed') continue;
      const row = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(k.entityId) as
        Record<string, unknown> | undefined;
      if (!row) continue;
      const fields = Object.fromEntries(
        spec.fields.filter((f) => row[f] !== null && row[f] !== undefined).map((f) => [f, fromColumn(spec, f, row[f])]),
      );
      w.upsert(k.entity, k.entityId, k.toCase, fields, true);
    }
  });
  ctx.sync.syncNow('sync.now').catch(() => {});
}

/**
 * A young person of an erased case who also belongs to a case that stays is kept (as the local
 * erasure keeps them). When the service has them under an erased case, it is asked to move them
 * to the staying case instead of erasing them.
 */
function keptRecords(db: Db, erasing: string[]): { entity: string; entityId: string; toCase: string }[] {
  const has = (t: string) =>
    Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
  if (!has('people') || !has('sync_record_cases')) return [];
  const marks = erasing.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT 'person' AS entity, s.entity_id AS entityId, min(other.id) AS toCase
         FROM sync_record_cases s
         JOIN referrals other ON other.person_id = s.entity_id AND other.id NOT IN (${marks})
        WHERE s.entity = 'person' AND s.case_id IN (${marks})
        GROUP BY s.entity_id`,
    )
    .all(...erasing, ...erasing) as { entity: string; entityId: string; toCase: string }[];
}
