import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { TestOrgKey } from './e2e-setup';
import { startService, type Device, type Service } from './harness';

const CASE_A = '01900000-0000-7000-8000-00000000ea01';
const CASE_B = '01900000-0000-7000-8000-00000000ea02';

/**
 * Attack finding 7: a hostile service re-sent an older sealed value of a field as a new change row
 * with no mutation id and a higher version, and every laptop applied it silently. A change row
 * must name the mutation its value was sealed under; only a case's state sent on allocation names none.
 */
describe('a hostile service replaying an older sealed value', () => {
  let service: Service;
  let org: string;
  let alice: Device;
  let manager: Device;
  let aliceUser: string;
  const key = new TestOrgKey();
  const pool = () => service.db.pool;

  beforeAll(async () => {
    service = await startService();
    org = service.org;
    aliceUser = await ops.createUser(pool(), org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(pool(), org, 'Morgan', 'morgan@example.org', 'manager');
    await ops.allocate(pool(), org, CASE_A, aliceUser);
    alice = await service.enrolledDevice(aliceUser);
    manager = await service.enrolledDevice(morgan);
    await key.enable(pool(), org, [alice, manager]);
  });
  afterAll(() => service.close());

  async function replay(row: Record<string, unknown>, over: Record<string, unknown>) {
    const r = { ...row, ...over };
    const seq = Number(
      (await pool().query('UPDATE organisations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq', [org]))
        .rows[0].last_seq,
    );
    await pool().query(
      'INSERT INTO changes (organisation_id, seq, kind, entity, entity_id, case_id, field, value, version, user_id, device_id, hlc, mutation_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9,$10,$11,$12,$13)',
      [
        org,
        seq,
        r.kind,
        r.entity,
        r.entity_id,
        r.case_id,
        r.field,
        JSON.stringify(r.value),
        r.version,
        r.user_id,
        r.device_id,
        r.hlc,
        r.mutation_id,
      ],
    );
  }

  it('refuses a change row without a mutation id: the newer words stay, and the sync status says so', async () => {
    alice.write('t_notes', 'n1', CASE_A, { title: 'Concern: none' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    alice.write('t_notes', 'n1', CASE_A, { title: 'Concern: raised at school' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    expect(manager.row('t_notes', 'n1')!.title).toBe('Concern: raised at school');
    const rows = (
      await pool().query(
        "SELECT * FROM changes WHERE organisation_id = $1 AND entity_id = 'n1' AND field = 'title' AND kind = 'change' ORDER BY seq",
        [org],
      )
    ).rows as Record<string, unknown>[];

    await replay(rows[0]!, { mutation_id: null, version: 3 });
    for (const d of [manager, alice]) {
      await d.client.syncNow();
      expect(d.row('t_notes', 'n1')!.title).toBe('Concern: raised at school');
      expect(d.client.account()!.last_error).toMatch(/could not be verified/);
    }
  });

  it('still applies the state of a case sent on allocation, which names no mutation', async () => {
    manager.write('t_notes', 'n2', CASE_B, { title: 'Written before allocation' });
    await manager.client.syncNow();
    await ops.allocate(pool(), org, CASE_B, aliceUser);
    await alice.client.syncNow();
    expect(alice.row('t_notes', 'n2')!.title).toBe('Written before allocation');
  });
});
