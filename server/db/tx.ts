import type { Pool, PoolClient } from 'pg';

/** Runs `fn` in one transaction; rolls back on any error so a failed request changes nothing. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * A transaction that starts holding the organisation's lock. BEGIN and the lock go in one round
 * trip: the id is a UUID from our own tables, checked here before it is put in the statement.
 */
export async function inOrgTransaction<T>(
  pool: Pool,
  organisationId: string,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(organisationId))
    throw new Error('Bad organisation id.');
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(7007, hashtext('${organisationId}'))`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/**
 * Serialises sequence numbers per organisation. A plain bigserial can commit out of order and
 * make a device's cursor skip a row; under this lock, seqs commit in the order they are given.
 */
export async function lockOrganisation(client: PoolClient, organisationId: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(7007, hashtext($1))', [organisationId]);
}

/** Reserves `count` sequence numbers; returns the first. Call only under lockOrganisation. */
export async function reserveSeqs(client: PoolClient, organisationId: string, count: number): Promise<number> {
  const r = await client.query<{ last_seq: string }>(
    'UPDATE organisations SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq',
    [organisationId, count],
  );
  return Number(r.rows[0]!.last_seq) - count + 1;
}
