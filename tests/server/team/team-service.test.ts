import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import * as ops from '../../../server/admin/ops';
import { uuidv7 } from '../../../shared/domain/ids';
import { PROTOCOL_VERSION, type IncomingChange } from '../../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from '../pg-harness';
import { rawDevice, type RawDevice } from '../service-client';

/**
 * The service's people and allocations as the managers' screens use them, tried by a manager,
 * by a hostile advocate's laptop, and by a manager of another organisation.
 */
describe('the service decides who may allocate and who may see or change its people', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let users: { a: string; b: string; m: string; other: string };
  let a: RawDevice;
  let b: RawDevice;
  let manager: RawDevice;
  let otherManager: RawDevice;
  const caseA = uuidv7();

  const post = (device: RawDevice, url: string, payload: object) =>
    app.inject({
      method: 'POST',
      url,
      payload: { v: PROTOCOL_VERSION, ...payload },
      headers: { authorization: `Bearer ${device.token}` },
    });
  const holder = async (caseId: string) =>
    (await db.pool.query('SELECT user_id FROM allocations WHERE case_id = $1', [caseId])).rows[0]?.user_id ?? null;
  const allocation = (caseId: string, userId: string, baseVersion = 0) => ({
    entity: 'case_allocation',
    entityId: caseId,
    caseId: null,
    field: 'user_id',
    value: userId,
    baseVersion,
  });
  const kinds = (changes: IncomingChange[], caseId: string) =>
    changes.filter((c) => c.caseId === caseId).map((c) => c.kind);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    const elsewhere = await ops.createOrganisation(db.pool, 'Hillside');
    users = {
      a: await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate'),
      b: await ops.createUser(db.pool, org, 'Bea', 'b@example.org', 'advocate'),
      m: await ops.createUser(db.pool, org, 'Mo', 'm@example.org', 'manager'),
      other: await ops.createUser(db.pool, elsewhere, 'Olu', 'o@example.org', 'manager'),
    };
    a = await rawDevice(app, db.pool, users.a);
    b = await rawDevice(app, db.pool, users.b);
    manager = await rawDevice(app, db.pool, users.m);
    otherManager = await rawDevice(app, db.pool, users.other);
    expect(
      (await a.push([{ entity: 'referral', entityId: caseA, caseId: caseA, field: 'reference', value: 'REF-0001' }]))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it("gives every laptop the service's advocates and managers as its list, without their email addresses", async () => {
    const { changes, raw } = await b.pullAll();
    const roster = changes.filter((c) => c.entity === 'advocate');
    const names = roster.filter((c) => c.field === 'name').map((c) => c.value);
    expect(names.sort()).toEqual(['Ada', 'Bea', 'Mo']);
    expect(roster.find((c) => c.entityId === users.m && c.field === 'role')?.value).toBe('manager');
    expect(raw).not.toContain('@example.org');
    expect(raw).not.toContain('Olu');
  });

  it("a hostile advocate's laptop cannot allocate, even a case it holds, to a colleague or to itself", async () => {
    for (const to of [users.b, users.a]) {
      const res = await a.push([allocation(caseA, to)]);
      expect(res.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'organisation_record' }] });
    }
    // Nor by pushing the allocation under a case it holds, as if it were one of the case's records.
    const caseB = uuidv7();
    expect(
      (await b.push([{ entity: 'referral', entityId: caseB, caseId: caseB, field: 'reference', value: 'REF-0002' }]))
        .status,
    ).toBe(200);
    for (const entityId of [caseA, caseB]) {
      const res = await b.push([{ ...allocation(entityId, users.b), caseId: caseB }]);
      expect(res.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'organisation_record' }] });
    }
    expect(await holder(caseA)).toBe(users.a);
    // B hears nothing of A's case, and nothing of who holds what.
    const { changes } = await b.pullAll();
    expect(kinds(changes, caseA)).toEqual([]);
    expect(changes.filter((c) => c.entity === 'case_allocation' && c.deviceId !== b.deviceId)).toEqual([]);
  });

  it("a manager's allocation becomes the service's: the new holder receives the whole case, the old one is told to purge it", async () => {
    const res = await manager.push([allocation(caseA, users.b)]);
    expect(res.body).toMatchObject({ results: [{ outcome: 'applied' }] });
    expect(await holder(caseA)).toBe(users.b);
    const toB = await b.pullAll();
    expect(kinds(toB.changes, caseA)).toContain('allocated');
    expect(toB.changes.find((c) => c.caseId === caseA && c.kind === 'change')).toMatchObject({
      entity: 'referral',
      field: 'reference',
      value: 'REF-0001',
    });
    expect(kinds((await a.pullAll()).changes, caseA)).toContain('purge');
    // Written to the audit trail with who allocated.
    const audit = await db.pool.query("SELECT user_id FROM audit WHERE action = 'allocate' AND case_id = $1", [caseA]);
    expect(audit.rows.map((r) => r.user_id)).toContain(users.m);
  });

  it('refuses an allocation to a person of another organisation, to a closed account, or of a case the service has never met', async () => {
    const outsider = await manager.push([allocation(caseA, users.other, 1)]);
    expect(outsider.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'unknown_person' }] });
    const unknownCase = await manager.push([allocation(uuidv7(), users.a)]);
    expect(unknownCase.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'not_held' }] });
    // Another organisation's manager cannot reach this organisation's case.
    const across = await otherManager.push([allocation(caseA, users.other)]);
    expect(across.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'not_held' }] });
    expect(await holder(caseA)).toBe(users.b);
  });

  it("no laptop, not even a manager's, can rewrite the service's people in the list of advocates, and odd ids answer a refusal, not an error", async () => {
    const attempts = [
      { entity: 'advocate', entityId: users.a, caseId: null, field: 'name', value: 'Renamed', baseVersion: 5 },
      { entity: 'advocate', entityId: users.b, caseId: null, field: 'role', value: 'manager', baseVersion: 5 },
      { entity: 'advocate', entityId: uuidv7(), caseId: null, field: 'service_status', value: 'active' },
    ];
    for (const attempt of attempts)
      expect((await manager.push([attempt])).body).toMatchObject({
        results: [{ outcome: 'refused', reason: 'organisation_record' }],
      });
    // A name typed by hand on a manager's laptop (not one of the service's people) still syncs.
    expect(
      (
        await manager.push([
          { entity: 'advocate', entityId: uuidv7(), caseId: null, field: 'name', value: 'Typed by hand' },
        ])
      ).body,
    ).toMatchObject({ results: [{ outcome: 'applied' }] });
    const odd = await manager.push([allocation(caseA, '------------------------------------', 1)]);
    expect(odd.status).toBe(200);
    expect(odd.body).toMatchObject({ results: [{ outcome: 'refused', reason: 'unknown_person' }] });
    const names = await db.pool.query(
      "SELECT value FROM field_state WHERE entity = 'advocate' AND entity_id = $1 AND field = 'name'",
      [users.a],
    );
    expect(names.rows).toEqual([{ value: 'Ada' }]);
  });

  it("a hostile advocate's laptop cannot list the service's people or add or deactivate anyone", async () => {
    const before = (await db.pool.query('SELECT count(*)::int AS n FROM users')).rows[0].n;
    const attempts = [
      await post(a, '/v1/team/people/list', {}),
      await post(a, '/v1/team/people/add', { name: 'Eve', email: 'eve@example.org', role: 'manager' }),
      await post(a, '/v1/team/people/deactivate', { userId: users.m }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('@example.org');
      expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await db.pool.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(before);
    expect((await db.pool.query('SELECT active FROM users WHERE id = $1', [users.m])).rows[0].active).toBe(true);
  });

  it('a manager lists, adds and deactivates people of their own organisation only, each audited', async () => {
    const listed = await post(manager, '/v1/team/people/list', {});
    expect(listed.statusCode).toBe(200);
    expect(listed.json().people.map((p: { name: string }) => p.name)).toEqual(['Ada', 'Bea', 'Mo']);

    const added = await post(manager, '/v1/team/people/add', {
      name: '  Sam Patel ',
      email: 'Sam@Example.org',
      role: 'advocate',
    });
    expect(added.statusCode).toBe(200);
    const sam = added.json().person;
    expect(sam).toMatchObject({ name: 'Sam Patel', email: 'sam@example.org', role: 'advocate', active: true });
    const again = await post(manager, '/v1/team/people/add', {
      name: 'Sam Again',
      email: 'sam@example.org',
      role: 'advocate',
    });
    expect(again.statusCode).toBe(409);
    for (const bad of [
      { name: '', email: 'x@example.org', role: 'advocate' },
      { name: 'X', email: 'not an email', role: 'advocate' },
      { name: 'X', email: 'x@example.org', role: 'admin' },
      { name: 'X\u0007', email: 'x@example.org', role: 'advocate' },
    ]) {
      expect((await post(manager, '/v1/team/people/add', bad)).statusCode).toBe(400);
    }
    // The new person reaches laptops' lists at their next pull.
    expect(
      (await b.pullAll()).changes.some(
        (c) => c.entity === 'advocate' && c.entityId === sam.id && c.value === 'Sam Patel',
      ),
    ).toBe(true);

    expect((await post(manager, '/v1/team/people/deactivate', { userId: users.m })).statusCode).toBe(409);
    expect((await post(otherManager, '/v1/team/people/deactivate', { userId: sam.id })).statusCode).toBe(404);
    const closed = await post(manager, '/v1/team/people/deactivate', { userId: sam.id });
    expect(closed.json().person).toMatchObject({ active: false });
    expect(closed.json().person.deactivatedAt).not.toBeNull();
    const status = (await b.pullAll()).changes
      .filter((c) => c.entityId === sam.id && c.field === 'service_status')
      .map((c) => c.value);
    expect(status.at(-1)).toBe('inactive');
    // A closed account is no longer someone to allocate to.
    expect((await manager.push([allocation(caseA, sam.id, 1)])).body).toMatchObject({
      results: [{ outcome: 'refused', reason: 'unknown_person' }],
    });

    const audit = await db.pool.query("SELECT action, user_id FROM audit WHERE action LIKE 'team:%' ORDER BY id");
    expect(audit.rows).toEqual([
      { action: 'team: add person', user_id: users.m },
      { action: 'team: deactivate person', user_id: users.m },
    ]);
  });

  it("another organisation's manager sees none of this organisation's people", async () => {
    const listed = await post(otherManager, '/v1/team/people/list', {});
    expect(listed.json().people.map((p: { name: string }) => p.name)).toEqual(['Olu']);
    const { raw } = await otherManager.pullAll();
    for (const name of ['Ada', 'Bea', 'Sam Patel', 'REF-0001']) expect(raw).not.toContain(name);
  });
});
