import { councilCodeFor } from '../../../../shared/domain/council-match';
import { HlcClock } from '../../../../shared/domain/hlc';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { Migration } from '../migration';
import { Writer } from '../mutations';

/**
 * Councils were typed as free text; now they are kept by ONS code. Text that names exactly one
 * council ("Lancashire County Council", "lancs") becomes its code. The change goes through the
 * one write path, so it syncs like an advocate's edit: every laptop that makes the same change
 * sends the same value, which the service takes as no change. Text that names no council, or more
 * than one, is left as typed; the caseload lists those for the advocate to choose.
 */
export const m0011: Migration = {
  version: 11,
  name: '0011-council-codes',
  up(db) {
    const people = db
      .prepare(
        `SELECT p.id, p.local_authority AS typed,
                COALESCE((SELECT case_id FROM sync_record_cases WHERE entity = 'person' AND entity_id = p.id),
                         (SELECT id FROM referrals WHERE person_id = p.id ORDER BY created_at, id LIMIT 1)) AS caseId
         FROM people p WHERE p.local_authority IS NOT NULL`,
      )
      .all() as Array<{ id: string; typed: string; caseId: string | null }>;
    const changes = people.flatMap((p) => {
      const code = councilCodeFor(p.typed);
      return code && code !== p.typed ? [{ ...p, code }] : [];
    });
    if (changes.length === 0) return;
    const writer = new Writer(db, new HlcClock(deviceId(db)), {
      person: { table: 'people', fields: ['local_authority'] },
    });
    for (const c of changes) writer.upsert('person', c.id, c.caseId, { local_authority: c.code });
  },
};

/** This computer's id for the clock of its changes, made here if the store has none yet (as core does). */
function deviceId(db: Parameters<Migration['up']>[0]): string {
  const existing = db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string | undefined;
  if (existing) return existing;
  const made = uuidv7();
  db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(made);
  return made;
}
