import { uuidv7 } from '../../../shared/domain/ids';
import type { Advocate } from '../../../shared/domain/caseload';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';
import { CURRENT_ADVOCATE_KEY as ME_KEY } from './current-advocate';
import { toAdvocate } from './rows';

const NAMED_KEY = 'current_advocate_named';
const UNNAMED = 'Me';

const metaGet = (db: Db, key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const metaSet = (db: Db, key: string, value: string) =>
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);

export function getAdvocate(db: Db, id: string): Advocate | null {
  const row = db.prepare('SELECT id, name, role FROM advocates WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { id: string; name: string; role: string }
    | undefined;
  return row ? toAdvocate(row) : null;
}

/** The advocate using this device; made on first use so "allocate to me" always works. */
export function currentAdvocate(ctx: CoreContext): { advocate: Advocate; named: boolean } {
  const db = ctx.db();
  const id = metaGet(db, ME_KEY);
  const existing = id ? getAdvocate(db, id) : null;
  if (existing) return { advocate: existing, named: metaGet(db, NAMED_KEY) === '1' };
  return ctx.write((w, wdb) => {
    const newId = uuidv7(ctx.now().getTime());
    w.upsert('advocate', newId, null, { name: UNNAMED, role: 'advocate' });
    metaSet(wdb, ME_KEY, newId);
    return { advocate: { id: newId, name: UNNAMED, role: 'advocate' as const }, named: false };
  });
}

export function currentAdvocateId(ctx: CoreContext): string {
  return currentAdvocate(ctx).advocate.id;
}

export function setMyName(ctx: CoreContext, name: string): Advocate {
  const { advocate } = currentAdvocate(ctx);
  ctx.write((w, db) => {
    w.upsert('advocate', advocate.id, null, { name });
    metaSet(db, NAMED_KEY, '1');
  });
  return { ...advocate, name };
}

export function listAdvocates(db: Db): Advocate[] {
  return (db.prepare('SELECT id, name, role FROM advocates WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE').all() as Array<{ id: string; name: string; role: string }>).map(
    toAdvocate,
  );
}

export function addAdvocate(w: Writer, db: Db, name: string, role: Advocate['role'], now: number, id: string = uuidv7(now)): Advocate {
  const same = db.prepare('SELECT id, name, role FROM advocates WHERE deleted_at IS NULL AND lower(name) = lower(?)').get(name) as
    | { id: string; name: string; role: string }
    | undefined;
  if (same) return toAdvocate(same);
  w.upsert('advocate', id, null, { name, role });
  return { id, name, role };
}
