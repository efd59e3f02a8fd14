import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealValue } from '../helpers/sealing';
import * as ops from '../../server/admin/ops';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Device, SERVICE_URL, startService, type Service } from '../sync/harness';
import { preEncryption } from '../sync/pre-encryption';

const CASE = '01900000-0000-7000-8000-0000000000c9';
const KEY = { epoch: 1, key: randomBytes(32) };

/** The conversion endpoints replace a value without a new version: only a manager, only plain values, only in place. */
describe('the conversion endpoints against a hostile device', () => {
  let service: Service;
  let advocate: Device;
  let manager: Device;
  /** The mutation that wrote the value being resealed: a sealed value must name it. */
  let mid: string;
  const call = async (d: Device, path: string, body: object) => {
    const r = await service.transport(`${SERVICE_URL}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${d.client.account()!.access_token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, ...body }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const sealed = (entityId: string, value: unknown) =>
    sealValue(
      KEY,
      { organisationId: service.org, entity: 't_cases', entityId, field: 'name', caseId: CASE, mutationId: mid },
      value,
    );
  const name = async () =>
    (
      await service.db.pool.query(
        "SELECT value, version::int FROM field_state WHERE entity_id = $1 AND field = 'name'",
        [CASE],
      )
    ).rows[0];

  beforeAll(async () => {
    service = await startService();
    advocate = await service.enrolledDevice(
      await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate'),
    );
    // The manager's laptop meets a service without keys endpoints, so it makes no key and converts
    // nothing itself: these tests send the conversion's requests by hand.
    manager = await Device.create(preEncryption(service.transport).transport);
    await manager.enrol(
      service,
      await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager'),
    );
    service.devices.push(manager);
    advocate.write('t_cases', CASE, CASE, { name: 'Case kept plain' });
    await advocate.client.syncNow();
    await manager.client.syncNow();
    mid = (
      await service.db.pool.query<{ mutation_id: string }>(
        "SELECT mutation_id FROM changes WHERE entity_id = $1 AND field = 'name' AND kind = 'change'",
        [CASE],
      )
    ).rows[0]!.mutation_id;
  });
  afterAll(() => service.close());

  it('refuses before the organisation has a key: nothing to seal with', async () => {
    expect((await call(manager, '/v1/convert/status', {})).body).toMatchObject({ due: false });
    expect((await call(manager, '/v1/convert/finish', {})).status).toBe(400);
  });

  it("refuses an advocate's device every step", async () => {
    await service.db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now())',
      [service.org, manager.client.account()!.device_id],
    );
    for (const [path, body] of [
      ['/v1/convert/status', {}],
      ['/v1/convert/pending', { afterField: null, afterConflict: null, limit: 10 }],
      [
        '/v1/convert/reseal',
        {
          fields: [
            { entity: 't_cases', entityId: CASE, field: 'name', caseId: CASE, version: 1, value: sealed(CASE, 'x') },
          ],
          conflicts: [],
        },
      ],
      ['/v1/convert/finish', {}],
    ] as const)
      expect((await call(advocate, path, body)).status).toBe(403);
    expect((await name()).value).toBe('Case kept plain');
  });

  it('lists places only, and replaces a value only at its own version and case, never a sealed one, with a known epoch', async () => {
    const page = await call(manager, '/v1/convert/pending', { afterField: null, afterConflict: null, limit: 10 });
    expect(JSON.stringify(page.body)).not.toContain('Case kept plain');
    expect(page.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'field',
        entity: 't_cases',
        entityId: CASE,
        field: 'name',
        caseId: CASE,
        version: 1,
      }),
    );

    const field = (over: object) => ({
      entity: 't_cases',
      entityId: CASE,
      field: 'name',
      caseId: CASE,
      version: 1,
      value: sealed(CASE, 'Case kept plain'),
      ...over,
    });
    // Another version, another case, deleted_at: left alone.
    for (const wrong of [{ version: 2 }, { caseId: '01900000-0000-7000-8000-0000000000cb' }, { field: 'deleted_at' }]) {
      expect((await call(manager, '/v1/convert/reseal', { fields: [field(wrong)], conflicts: [] })).body).toMatchObject(
        { converted: 0, skipped: 1 },
      );
    }
    // Not an envelope, or an epoch the service does not know: refused whole.
    expect(
      (await call(manager, '/v1/convert/reseal', { fields: [field({ value: 'plain words' })], conflicts: [] })).status,
    ).toBe(400);
    expect(
      (
        await call(manager, '/v1/convert/reseal', {
          fields: [field({ value: { ...sealed(CASE, 'x'), ep: 7 } })],
          conflicts: [],
        })
      ).status,
    ).toBe(400);
    expect(await name()).toEqual({ value: 'Case kept plain', version: 1 });

    expect((await call(manager, '/v1/convert/reseal', { fields: [field({})], conflicts: [] })).body).toMatchObject({
      converted: 1,
      skipped: 0,
    });
    const once = (await name()).value;
    // Once sealed, the conversion cannot be used to swap it for another value without a new version.
    expect(
      (
        await call(manager, '/v1/convert/reseal', {
          fields: [field({ value: sealed(CASE, 'Swapped in quietly') })],
          conflicts: [],
        })
      ).body,
    ).toMatchObject({ converted: 0, skipped: 1 });
    expect(await name()).toEqual({ value: once, version: 1 });
    const log = await service.db.pool.query(
      "SELECT value FROM changes WHERE entity_id = $1 AND field = 'name' AND kind = 'change'",
      [CASE],
    );
    expect(log.rows).toEqual([{ value: once }]);
  });

  it("never lists or touches another organisation's values", async () => {
    const otherOrg = await ops.createOrganisation(service.db.pool, 'Other Advocacy');
    const OTHER = '01900000-0000-7000-8000-0000000000cc';
    await service.db.pool.query(
      "INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq) VALUES ($1, 't_cases', $2, 'name', $2, '\"Theirs\"', 1, 1)",
      [otherOrg, OTHER],
    );
    const conflictId = '01900000-0000-7000-8000-0000000000cd';
    await service.db.pool.query(
      "INSERT INTO conflicts (id, organisation_id, entity, entity_id, case_id, field, reason, edit_mutation_id, edit_value, kept_value, kept_version) VALUES ($1, $2, 't_cases', $3, $3, 'name', 'concurrent_edit', $1, '\"Their edit\"', '\"Theirs\"', 1)",
      [conflictId, otherOrg, OTHER],
    );
    const page = await call(manager, '/v1/convert/pending', { afterField: null, afterConflict: null, limit: 1000 });
    expect(JSON.stringify(page.body)).not.toContain(OTHER);
    const r = await call(manager, '/v1/convert/reseal', {
      fields: [
        { entity: 't_cases', entityId: OTHER, field: 'name', caseId: OTHER, version: 1, value: sealed(OTHER, 'x') },
      ],
      conflicts: [{ conflictId, side: 'edit', value: sealed(OTHER, 'x') }],
    });
    expect(r.body).toMatchObject({ converted: 0, skipped: 2 });
    const theirs = await service.db.pool.query(
      'SELECT f.value, c.edit_value FROM field_state f, conflicts c WHERE f.organisation_id = $1 AND c.id = $2',
      [otherOrg, conflictId],
    );
    expect(theirs.rows).toEqual([{ value: 'Theirs', edit_value: 'Their edit' }]);
  });

  it('finishes once nothing is left in the clear, and then refuses every further replacement', async () => {
    const done = await call(manager, '/v1/convert/finish', {});
    expect(done.body).toMatchObject({ done: true, remaining: 0, converted: 1 });
    expect((await call(manager, '/v1/convert/status', {})).body).toMatchObject({ due: false, converted: 1 });
    expect((await call(manager, '/v1/convert/reseal', { fields: [], conflicts: [] })).status).toBe(400);
  });
});
