import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { createTestDatabase, tableCounts, type TestDatabase } from './pg-harness';
import { rawDevice, type RawDevice } from './service-client';

/**
 * The attacks of an enrolled device acting in bad faith, each against the running service:
 * advocates A and B of one organisation, and C of another. A's child's record is the target.
 */
const SECRET = { first_name: 'Zainab', last_name: 'Okonkwo-Ferreira', date_of_birth: '2011-02-17' };

describe('an enrolled device acting in bad faith can read, claim or plant nothing', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let a: RawDevice;
  let b: RawDevice;
  let manager: RawDevice;
  const caseA = uuidv7();
  const caseB = uuidv7();
  const personA = uuidv7();

  const valuesOf = (raw: string) => Object.values(SECRET).filter((v) => raw.includes(v));

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool, accessLimits: { newCasesPerHour: 50 } });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    const users = {
      a: await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate'),
      b: await ops.createUser(db.pool, org, 'Bea', 'b@example.org', 'advocate'),
      m: await ops.createUser(db.pool, org, 'Mo', 'm@example.org', 'manager'),
    };
    a = await rawDevice(app, db.pool, users.a);
    b = await rawDevice(app, db.pool, users.b);
    manager = await rawDevice(app, db.pool, users.m);
    // A makes a case with a child in it; B makes one of their own.
    const made = await a.push([
      { entity: 'referral', entityId: caseA, caseId: caseA, field: 'reference', value: 'REF-0001' },
      ...Object.entries(SECRET).map(([field, value]) => ({ entityId: personA, caseId: caseA, field, value })),
    ]);
    expect(made.status).toBe(200);
    expect(
      (await b.push([{ entity: 'referral', entityId: caseB, caseId: caseB, field: 'reference', value: 'REF-0002' }]))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const stateOfA = () =>
    db.pool
      .query('SELECT field, value, version FROM field_state WHERE entity_id = $1 ORDER BY field', [personA])
      .then((r) => r.rows);

  it("B writing A's child's record under B's own case, under A's case, or under no case is refused with a reason code and nothing else", async () => {
    const before = await stateOfA();
    const counts = await tableCounts(db.pool);
    const attempts = [caseB, caseA, null].map((caseId) => ({
      entityId: personA,
      caseId,
      field: 'first_name',
      value: 'Changed by B',
      baseVersion: 1,
    }));
    for (const attempt of attempts) {
      const res = await b.push([attempt]);
      expect(res.status).toBe(200);
      const [result] = res.body.results as Record<string, unknown>[];
      // The whole answer: which mutation, refused, why. No value, version, author or existence hint.
      expect(Object.keys(result!).sort()).toEqual(['duplicate', 'mutationId', 'outcome', 'reason']);
      expect(result).toMatchObject({
        outcome: 'refused',
        duplicate: false,
        reason: attempt.caseId === null ? 'organisation_record' : 'not_held',
      });
    }
    // A record that does not exist, under a case B does not hold, is refused in exactly the same words.
    const nothing = await b.push([{ entityId: uuidv7(), caseId: caseA, field: 'first_name', value: 'x' }]);
    expect((nothing.body.results as Record<string, unknown>[])[0]).toMatchObject({
      outcome: 'refused',
      reason: 'not_held',
    });

    expect(await stateOfA()).toEqual(before);
    expect((await tableCounts(db.pool)).conflicts).toBe(counts.conflicts);
    const { changes, raw } = await b.pullAll();
    expect(valuesOf(raw)).toEqual([]);
    const refused = changes.filter((c) => c.kind === 'refused');
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r).toMatchObject({ version: null, userId: null, hlc: null });
      expect(r.value ?? null).toBeNull();
      expect(r.conflict ?? null).toBeNull();
    }
    // A's own laptop still has its child as it was, and hears nothing of B's attempts.
    const fromA = await a.pullAll();
    expect(fromA.raw).not.toContain('Changed by B');
  });

  it("B claiming a case id ahead of A gets nothing: A's later push is refused to A, and B never receives A's child", async () => {
    // Ids were once worked out from references; an attacker pushes the id A's next case would have.
    const guessed = uuidv7();
    expect(
      (
        await b.push([
          { entity: 'referral', entityId: guessed, caseId: guessed, field: 'reference', value: 'REF-0003' },
        ])
      ).status,
    ).toBe(200);
    const child = uuidv7();
    const res = await a.push([
      { entity: 'referral', entityId: guessed, caseId: guessed, field: 'reference', value: 'REF-0003' },
      { entityId: child, caseId: guessed, field: 'first_name', value: SECRET.first_name },
    ]);
    expect((res.body.results as { outcome: string; reason?: string }[]).map((r) => [r.outcome, r.reason])).toEqual([
      ['refused', 'not_held'],
      ['refused', 'not_held'],
    ]);
    expect(valuesOf((await b.pullAll()).raw)).toEqual([]);
    expect(
      (await db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE entity_id = $1', [child])).rows[0].n,
    ).toBe(0);
  });

  it('an erased case, or a case a manager made, is not handed out again: the same neutral refusal', async () => {
    const erased = uuidv7();
    await db.pool.query(
      "INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) VALUES ($1, $2, now(), 'later 6 years')",
      [org, erased],
    );
    const managers = uuidv7();
    expect(
      (
        await manager.push([
          { entity: 'referral', entityId: managers, caseId: managers, field: 'reference', value: 'REF-M' },
        ])
      ).status,
    ).toBe(200);
    for (const caseId of [erased, managers]) {
      const res = await b.push([
        { entity: 'referral', entityId: caseId, caseId, field: 'reference', value: 'mine now' },
      ]);
      expect((res.body.results as Record<string, unknown>[])[0]).toMatchObject({
        outcome: 'refused',
        reason: 'not_held',
      });
    }
    const held = await db.pool.query('SELECT case_id FROM allocations WHERE case_id = ANY($1::text[])', [
      [erased, managers],
    ]);
    expect(held.rows).toEqual([]);
  });

  it('a person, referral or note without a case from an advocate is refused; every laptop of the organisation hears nothing of it', async () => {
    const planted = ['person', 'referral', 'note', 'advocate'].map((entity) => ({
      entity,
      entityId: uuidv7(),
      caseId: null,
      field: 'name',
      value: 'Planted by B',
    }));
    const res = await b.push(planted);
    expect((res.body.results as Record<string, unknown>[]).map((r) => r.reason)).toEqual([
      'organisation_record',
      'organisation_record',
      'organisation_record',
      'organisation_record',
    ]);
    expect((await a.pullAll()).raw).not.toContain('Planted by B');
    expect((await manager.pullAll()).raw).not.toContain('Planted by B');
    // The organisation's own records come from a manager, and reach everyone.
    const adv = uuidv7();
    const ok = await manager.push([
      { entity: 'advocate', entityId: adv, caseId: null, field: 'name', value: 'Sam Price' },
    ]);
    expect((ok.body.results as Record<string, unknown>[])[0]).toMatchObject({ outcome: 'applied' });
    expect((await a.pullAll()).changes.some((c) => c.entityId === adv && c.value === 'Sam Price')).toBe(true);
    // Even a manager cannot give a person no case.
    const orphan = await manager.push([
      { entity: 'person', entityId: uuidv7(), caseId: null, field: 'first_name', value: 'x' },
    ]);
    expect((orphan.body.results as Record<string, unknown>[])[0]).toMatchObject({
      outcome: 'refused',
      reason: 'organisation_record',
    });
  });

  it('a new case id that is not a UUID is refused (an id worked out from a reference could be claimed ahead)', async () => {
    const res = await b.push([
      { entity: 'referral', entityId: 'REF-0009', caseId: 'REF-0009', field: 'reference', value: 'REF-0009' },
    ]);
    expect((res.body.results as Record<string, unknown>[])[0]).toMatchObject({
      outcome: 'refused',
      reason: 'not_held',
    });
    const kept = await db.pool.query(
      "SELECT (SELECT count(*)::int FROM case_origins WHERE case_id = 'REF-0009') AS origins, (SELECT count(*)::int FROM allocations WHERE case_id = 'REF-0009') AS held",
    );
    expect(kept.rows[0]).toEqual({ origins: 0, held: 0 });
  });

  it('one push cannot make more new cases than the hourly limit; the rest are refused and nothing of them is kept', async () => {
    const ids = Array.from({ length: 60 }, () => uuidv7());
    const res = await b.push(
      ids.map((id) => ({ entity: 'referral', entityId: id, caseId: id, field: 'reference', value: 'spam' })),
    );
    const outcomes = (res.body.results as { outcome: string; reason?: string }[]).map((r) => r.reason ?? r.outcome);
    // B made three cases earlier in this file (one in the last test, one guessed): the limit is 50 an hour.
    const made = (await db.pool.query('SELECT count(*)::int AS n FROM case_origins WHERE device_id = $1', [b.deviceId]))
      .rows[0].n as number;
    expect(made).toBe(50);
    expect(outcomes.filter((o) => o === 'case_limit').length).toBe(60 - (50 - 2));
    const kept = await db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE entity_id = ANY($1::text[])', [
      ids,
    ]);
    expect(kept.rows[0].n).toBe(50 - 2);
    const allocated = await db.pool.query(
      'SELECT count(*)::int AS n FROM allocations WHERE case_id = ANY($1::text[])',
      [ids],
    );
    expect(allocated.rows[0].n).toBe(50 - 2);
  });

  it('over the hourly limit, a case id the service knows answers exactly as one it has never met', async () => {
    // B is at the limit (the test above). A's case, a manager's, an erased one and a new id.
    const erased = (await db.pool.query<{ case_id: string }>('SELECT case_id FROM erased_cases LIMIT 1')).rows[0]!
      .case_id;
    const ids = [caseA, erased, uuidv7()];
    const res = await b.push(
      ids.map((id) => ({ entity: 'referral', entityId: id, caseId: id, field: 'reference', value: 'probe' })),
    );
    expect((res.body.results as Record<string, unknown>[]).map((r) => [r.outcome, r.reason])).toEqual(
      ids.map(() => ['refused', 'case_limit']),
    );
    // B's own case is still B's to write.
    const own = await b.push([{ entity: 'referral', entityId: caseB, caseId: caseB, field: 'status', value: 'open' }]);
    expect((own.body.results as Record<string, unknown>[])[0]).toMatchObject({ outcome: 'applied' });
  });

  it("re-sending a colleague's mutation id learns nothing of their change and changes nothing; the sender's own re-send is a duplicate", async () => {
    const mine = await a.push([
      { entityId: personA, caseId: caseA, field: 'middle_name', value: 'Ifeoma', baseVersion: 0 },
    ]);
    const mutationId = (mine.body.results as { mutationId: string }[])[0]!.mutationId;
    const before = await stateOfA();
    const probe = await b.push([
      { mutationId, entity: 'referral', entityId: caseB, caseId: caseB, field: 'reference', value: 'REF-0002b' },
    ]);
    expect(probe.status).toBe(200);
    expect((probe.body.results as Record<string, unknown>[])[0]).toEqual({
      mutationId,
      outcome: 'refused',
      duplicate: false,
      reason: 'not_held',
    });
    expect(await stateOfA()).toEqual(before);
    const ref = await db.pool.query("SELECT value FROM field_state WHERE entity_id = $1 AND field = 'reference'", [
      caseB,
    ]);
    expect(ref.rows).toEqual([{ value: 'REF-0002' }]);
    expect((await b.pullAll()).raw).not.toContain(mutationId);
    // A's own laptop sending it again (a lost answer) hears it as before.
    const again = await a.push([
      { mutationId, entityId: personA, caseId: caseA, field: 'middle_name', value: 'Ifeoma', baseVersion: 0 },
    ]);
    expect((again.body.results as Record<string, unknown>[])[0]).toMatchObject({
      mutationId,
      outcome: 'applied',
      duplicate: true,
    });
  });

  it('a mutation id used in one organisation tells a device of another nothing, and changes nothing there', async () => {
    const first = await a.push([
      { entityId: personA, caseId: caseA, field: 'preferred_name', value: 'Zee', baseVersion: 0 },
    ]);
    const mutationId = (first.body.results as { mutationId: string }[])[0]!.mutationId;
    const other = await ops.createOrganisation(db.pool, 'Elsewhere');
    const c = await rawDevice(app, db.pool, await ops.createUser(db.pool, other, 'Cy', 'c@example.org', 'advocate'));
    const caseC = uuidv7();
    const probe = await c.push([
      { mutationId, entity: 'referral', entityId: caseC, caseId: caseC, field: 'reference', value: 'C-1' },
    ]);
    expect(probe.status).toBe(200);
    expect((probe.body.results as Record<string, unknown>[])[0]).toMatchObject({
      mutationId,
      outcome: 'applied',
      duplicate: false,
    });
    const rows = await db.pool.query(
      'SELECT organisation_id FROM changes WHERE mutation_id = $1 ORDER BY organisation_id',
      [mutationId],
    );
    expect(rows.rows.map((r) => r.organisation_id).sort()).toEqual([org, other].sort());
  });
});
