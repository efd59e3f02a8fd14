import { uuidv7 } from '../../../shared/domain/ids';
import type { Advocate } from '../../../shared/domain/caseload';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';
import { CURRENT_ADVOCATE_KEY as ME_KEY } from './current-advocate';
import { toAdvocate } from './rows';
import { adoptServiceIdentity, serviceAccount } from './service-identity';

const NAMED_KEY = 'current_advocate_named';
const UNNAMED = 'Me';

type AdvocateRow = { id: string; name: string; role: string; service_status: string | null };
const COLUMNS = 'id, name, role, service_status';

const metaGet = (db: Db, key: string) =>
  db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const metaSet = (db: Db, key: string, value: string) =>
  db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);

export function getAdvocate(db: Db, id: string): Advocate | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM advocates WHERE id = ? AND deleted_at IS NULL`).get(id) as
    AdvocateRow | undefined;
  return row ? toAdvocate(row) : null;
}

/**
 * The advocate using this device. On a computer connected to a service it is the person the
 * service enrolled (their name comes from the service); otherwise a local "Me", made on first use
 * so "allocate to me" always works.
 */
export function currentAdvocate(ctx: CoreContext): { advocate: Advocate; named: boolean } {
  const db = ctx.db();
  const account = serviceAccount(ctx);
  if (account) {
    if (metaGet(db, ME_KEY) !== account.userId) adoptServiceIdentity(ctx, account);
    const fromService = getAdvocate(db, account.userId);
    return {
      advocate: fromService ?? {
        id: account.userId,
        name: account.userName,
        role: account.role === 'advocate' ? 'advocate' : 'manager',
        serviceStatus: 'active',
      },
      named: true,
    };
  }
  const id = metaGet(db, ME_KEY);
  const existing = id ? getAdvocate(db, id) : null;
  if (existing) return { advocate: existing, named: metaGet(db, NAMED_KEY) === '1' };
  return ctx.write((w, wdb) => {
    const newId = uuidv7(ctx.now().getTime());
    w.upsert('advocate', newId, null, { name: UNNAMED, role: 'advocate' });
    metaSet(wdb, ME_KEY, newId);
    return { advocate: { id: newId, name: UNNAMED, role: 'advocate' as const, serviceStatus: null }, named: false };
  });
}

export function currentAdvocateId(ctx: CoreContext): string {
  return currentAdvocate(ctx).advocate.id;
}

export function setMyName(ctx: CoreContext, name: string): Advocate {
  if (serviceAccount(ctx))
    throw new AppError('conflict', 'Your name comes from your service. Ask a manager to change it there.');
  const { advocate } = currentAdvocate(ctx);
  ctx.write((w, db) => {
    w.upsert('advocate', advocate.id, null, { name });
    metaSet(db, NAMED_KEY, '1');
  });
  return { ...advocate, name };
}

/**
 * Who a case may be allocated to. Connected to a service: the service's active people, the only
 * ones whose laptops can receive a case. Without one: the names typed on this computer.
 */
export function listAdvocates(db: Db, connected = false): Advocate[] {
  const where = connected ? "deleted_at IS NULL AND service_status = 'active'" : 'deleted_at IS NULL';
  return (
    db.prepare(`SELECT ${COLUMNS} FROM advocates WHERE ${where} ORDER BY name COLLATE NOCASE`).all() as AdvocateRow[]
  ).map(toAdvocate);
}

export function addAdvocate(
  w: Writer,
  db: Db,
  name: string,
  role: Advocate['role'],
  now: number,
  id: string = uuidv7(now),
): Advocate {
  const same = db
    .prepare(`SELECT ${COLUMNS} FROM advocates WHERE deleted_at IS NULL AND lower(name) = lower(?)`)
    .get(name) as AdvocateRow | undefined;
  if (same) return toAdvocate(same);
  w.upsert('advocate', id, null, { name, role });
  return { id, name, role, serviceStatus: null };
}
