import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealValue } from '../../electron/core/e2e/values';
import * as ops from '../../server/admin/ops';
import { TestOrgKey } from './e2e-setup';
import { startService, type Device, type Service } from './harness';
import { rawPost } from './keys-helpers';

const CASE = '01900000-0000-7000-8000-0000000c0001';
type Item = {
  kind: string;
  entity: string;
  entityId: string;
  field: string;
  caseId: string | null;
  version: number;
  mutationId: string | null;
  conflictId?: string;
  side?: 'edit' | 'kept';
};

/**
 * Attack finding 15: a value resealed during conversion must be sealed under the mutation that
 * wrote it, as every laptop checks on a change row (docs/e2e.md, Values). One sealed under another
 * mutation (an older edit's, say) would be stored and fail to open on every laptop afterwards.
 */
describe('resealing plain values refuses a value sealed under another mutation', () => {
  let service: Service;
  let alice: Device;
  let manager: Device;
  const key = new TestOrgKey();

  beforeAll(async () => {
    service = await startService();
    const a = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const m = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    await ops.allocate(service.db.pool, service.org, CASE, a);
    alice = await service.enrolledDevice(a);
    manager = await service.enrolledDevice(m);
    // Written before the organisation had a key, twice, so the log holds an older mutation too.
    alice.write('t_notes', 'n1', CASE, { title: 'first words' });
    await alice.client.syncNow();
    alice.write('t_notes', 'n1', CASE, { title: 'second words' });
    await alice.client.syncNow();
    await key.enable(service.db.pool, service.org, [manager]);
  });
  afterAll(() => service.close());

  const pending = async () =>
    (await rawPost(service, manager, '/v1/convert/pending', { afterField: null, afterConflict: null, limit: 100 })).body
      .items as Item[];
  const titleOnService = async () =>
    (await service.db.pool.query("SELECT value FROM field_state WHERE entity_id = 'n1' AND field = 'title'")).rows[0]
      .value as unknown;
  const resealTitle = (it: Item, mid: string) => {
    const place = {
      organisationId: service.org,
      entity: it.entity,
      entityId: it.entityId,
      field: it.field,
      caseId: it.caseId,
    };
    const value = sealValue(key.ring(service.org).current()!, place, mid, 'second words');
    return rawPost(service, manager, '/v1/convert/reseal', {
      fields: [
        { entity: it.entity, entityId: it.entityId, field: it.field, caseId: it.caseId, version: it.version, value },
      ],
      conflicts: [],
    });
  };

  it('refuses the whole batch, changing nothing, and takes the value sealed under its own mutation', async () => {
    const title = (await pending()).find((i) => i.kind === 'field' && i.entityId === 'n1' && i.field === 'title')!;
    expect(title.mutationId).not.toBeNull();
    const older = alice.written.find(
      (w) => w.entityId === 'n1' && w.field === 'title' && w.mutationId !== title.mutationId,
    )!.mutationId;

    const wrong = await resealTitle(title, older);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toMatch(/another change.*Nothing was changed/);
    expect(await titleOnService()).toBe('second words');

    const right = await resealTitle(title, title.mutationId!);
    expect(right.body).toMatchObject({ converted: 1 });
    expect(await titleOnService()).toMatchObject({ $e2e: 1, mid: title.mutationId });
  });
});
