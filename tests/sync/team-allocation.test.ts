import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import type { Transport } from '../../electron/core/sync/transport';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

/**
 * Three laptops on one service: a manager's, advocate A's and advocate B's. The manager's
 * allocation is the service's: the case moves to the new holder's laptop and leaves the old one,
 * and made offline it waits on the manager's laptop until it can be sent.
 */
describe("a manager's allocation moves the case between advocates' laptops", () => {
  let service: Service;
  let manager: TestCore;
  let lapA: TestCore;
  let lapB: TestCore;
  let users: { m: string; a: string; b: string };
  let managerOnline = true;
  let caseId: string;

  beforeAll(async () => {
    service = await startService();
    const pool = service.db.pool;
    users = {
      m: await ops.createUser(pool, service.org, 'Morgan Manager', 'm@example.org', 'manager'),
      a: await ops.createUser(pool, service.org, 'Ada Advocate', 'a@example.org', 'advocate'),
      b: await ops.createUser(pool, service.org, 'Bola Advocate', 'b@example.org', 'advocate'),
    };
    const managerTransport: Transport = (url, init) =>
      managerOnline ? service.transport(url, init) : Promise.reject(new Error('offline'));
    manager = await createTestCore({ syncTransport: managerTransport, autoSync: false });
    lapA = await createTestCore({ syncTransport: service.transport, autoSync: false });
    lapB = await createTestCore({ syncTransport: service.transport, autoSync: false });
    for (const [t, u] of [
      [manager, users.m],
      [lapA, users.a],
      [lapB, users.b],
    ] as const) {
      const { code } = await ops.issueEnrolmentCode(pool, u);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    }
  });
  afterAll(async () => {
    for (const t of [manager, lapA, lapB]) t.dispose();
    await service.close();
  });

  const syncAll = async (...laptops: TestCore[]) => {
    for (const t of laptops) await t.call('sync.now', {});
  };
  const holds = async (t: TestCore, id: string) =>
    (await t.call('caseload.list', {})).rows.some((c) => c.caseId === id);

  it("gives every laptop the service's people as its list of advocates", async () => {
    await syncAll(manager, lapA, lapB);
    const names = (await manager.call('caseload.advocates.list', {})).map((a) => a.name);
    expect(names).toEqual(['Ada Advocate', 'Bola Advocate', 'Morgan Manager']);
    expect((await lapA.call('caseload.me.get', {})).advocate).toMatchObject({ id: users.a, name: 'Ada Advocate' });
    await expect(manager.call('caseload.advocates.add', { name: 'Typed Name', role: 'advocate' })).rejects.toThrow(
      /People screen/,
    );
  });

  it("moves A's case to B's laptop whole and purges it from A's", async () => {
    ({ caseId } = await lapA.call('caseload.referrals.create', {
      person: { firstName: 'Tiana', lastName: 'Brookes', dateOfBirth: '2012-03-04' },
      referral: { referralDate: '2026-11-20', serviceUserType: 'CIC', urgency: 'urgent' },
      issues: [{ code: 'PLACEMENT' }],
    }));
    await lapA.call('caseload.allocate', { caseId, advocateId: users.a, date: '2026-11-21' });
    await syncAll(lapA, manager);
    expect((await manager.call('caseload.case.get', { caseId }))?.referral.allocatedTo).toBe(users.a);

    await manager.call('caseload.allocate', { caseId, advocateId: users.b, date: '2026-11-22' });
    await syncAll(manager, lapB, lapA);
    const atB = await lapB.call('caseload.case.get', { caseId });
    expect(atB?.person).toMatchObject({ firstName: 'Tiana', lastName: 'Brookes', dateOfBirth: '2012-03-04' });
    expect(atB?.referral).toMatchObject({ allocatedTo: users.b, allocationDate: '2026-11-21' });
    expect(await holds(lapB, caseId)).toBe(true);
    expect(await holds(lapA, caseId)).toBe(false);
  });

  it("an advocate's laptop cannot allocate, see the Team screen or the service's people", async () => {
    await expect(lapB.call('caseload.allocate', { caseId, advocateId: users.a, date: '2026-11-23' })).rejects.toThrow(
      /^forbidden/,
    );
    for (const call of [() => lapB.call('team.overview', {}), () => lapB.call('team.people.list', {})])
      await expect(call()).rejects.toThrow(/^forbidden/);
    await syncAll(lapB, lapA);
    expect(await holds(lapB, caseId)).toBe(true);
    expect(await holds(lapA, caseId)).toBe(false);
  });

  it('made offline, the allocation waits on the manager’s laptop as "waiting to send", then lands', async () => {
    managerOnline = false;
    await manager.call('caseload.allocate', { caseId, advocateId: users.a, date: '2026-11-24' });
    await expect(manager.call('sync.now', {})).rejects.toThrow();
    const waiting = await manager.call('team.overview', {});
    expect(waiting.waitingToSend).toEqual([
      { caseId, reference: expect.any(String), name: 'Tiana Brookes', advocateName: 'Ada Advocate' },
    ]);
    await syncAll(lapA, lapB);
    expect(await holds(lapA, caseId)).toBe(false);
    expect(await holds(lapB, caseId)).toBe(true);

    managerOnline = true;
    await syncAll(manager, lapA, lapB);
    expect((await manager.call('team.overview', {})).waitingToSend).toEqual([]);
    expect(await holds(lapA, caseId)).toBe(true);
    expect(await holds(lapB, caseId)).toBe(false);
    expect((await lapA.call('caseload.case.get', { caseId }))?.person?.firstName).toBe('Tiana');
  });

  it('shows the manager the team: open cases per advocate, and adds a person through the service', async () => {
    const overview = await manager.call('team.overview', {});
    expect(overview.advocates).toEqual([
      { advocateId: users.a, name: 'Ada Advocate', onService: 'active', open: 1 },
      { advocateId: users.b, name: 'Bola Advocate', onService: 'active', open: 0 },
      { advocateId: users.m, name: 'Morgan Manager', onService: 'active', open: 0 },
    ]);
    const sam = await manager.call('team.people.add', {
      name: 'Sam Patel',
      email: 'sam@example.org',
      role: 'advocate',
    });
    await syncAll(manager);
    expect((await manager.call('caseload.advocates.list', {})).map((a) => a.id)).toContain(sam.id);
    await expect(
      manager.call('team.people.add', { name: 'Sam Again', email: 'SAM@example.org', role: 'advocate' }),
    ).rejects.toThrow(/^conflict/);
    // Sam takes a case, then leaves: the case is shown under a closed account and given to Bola in one step.
    const samsCase = (
      await manager.call('caseload.referrals.create', {
        person: { firstName: 'Nia' },
        referral: { referralDate: '2026-11-20', serviceUserType: 'CIC' },
        issues: [{ code: 'PLACEMENT' }],
      })
    ).caseId;
    await manager.call('caseload.allocate', { caseId: samsCase, advocateId: sam.id, date: '2026-11-21' });
    await manager.call('team.people.deactivate', { userId: sam.id });
    await syncAll(manager);
    expect((await manager.call('caseload.advocates.list', {})).map((a) => a.id)).not.toContain(sam.id);
    expect((await manager.call('team.overview', {})).advocates).toContainEqual({
      advocateId: sam.id,
      name: 'Sam Patel',
      onService: 'inactive',
      open: 1,
    });
    await expect(manager.call('team.moveTypedCases', { typedId: sam.id, userId: users.b })).resolves.toEqual({
      moved: 1,
    });
    await syncAll(manager, lapB);
    expect(await holds(lapB, samsCase)).toBe(true);
    expect((await manager.call('team.people.list', {})).find((p) => p.id === sam.id)).toMatchObject({ active: false });
  });

  it("runs the service-wide quarterly report on the manager's laptop over every advocate's cases", async () => {
    await lapB.call('caseload.referrals.create', {
      person: { firstName: 'Rhys' },
      referral: { referralDate: '2026-11-25', serviceUserType: 'CIC' },
      issues: [{ code: 'PLACEMENT' }],
    });
    await syncAll(lapB, manager);
    const period = { from: '2026-10-01', to: '2026-12-31' };
    // Every referral of the service (Tiana's, now Ada's; Nia's and Rhys's, Bola's), against Bola's own two.
    expect((await manager.call('reports.quarterly', { period })).newReferrals).toBe(3);
    expect((await lapB.call('reports.quarterly', { period })).newReferrals).toBe(2);
  });

  it('a laptop used before it was connected keeps its cases: those allocated to its "Me" follow its user on the service', async () => {
    const pool = service.db.pool;
    const cleo = await ops.createUser(pool, service.org, 'Cleo Advocate', 'c@example.org', 'advocate');
    const lapC = await createTestCore({ syncTransport: service.transport, autoSync: false });
    try {
      const me = (await lapC.call('caseload.me.get', {})).advocate.id;
      const made = await lapC.call('caseload.referrals.create', {
        person: { firstName: 'Ola' },
        referral: { referralDate: '2026-11-26', serviceUserType: 'CIC' },
        issues: [{ code: 'PLACEMENT' }],
      });
      await lapC.call('caseload.allocate', { caseId: made.caseId, advocateId: me, date: '2026-11-26' });
      await lapC.call('sync.connect', {
        serviceUrl: SERVICE_URL,
        code: (await ops.issueEnrolmentCode(pool, cleo)).code,
      });
      await syncAll(lapC, manager);
      expect((await lapC.call('caseload.list', { mine: true })).rows.map((r) => r.caseId)).toEqual([made.caseId]);
      expect((await manager.call('caseload.case.get', { caseId: made.caseId }))?.referral.allocatedTo).toBe(cleo);
      expect(
        (await pool.query('SELECT user_id FROM allocations WHERE case_id = $1', [made.caseId])).rows[0]?.user_id,
      ).toBe(cleo);
      // The old "Me" is still there, kept among the names typed on this laptop.
      expect((await lapC.call('caseload.me.get', {})).advocate).toMatchObject({ id: cleo, name: 'Cleo Advocate' });
    } finally {
      lapC.dispose();
    }
  });

  it("a manager's laptop used before it was connected gives a typed name's open cases to one of the service's people in one step", async () => {
    const pool = service.db.pool;
    const dee = await ops.createUser(pool, service.org, 'Dee Manager', 'd@example.org', 'manager');
    const lapD = await createTestCore({ syncTransport: service.transport, autoSync: false });
    try {
      const typed = await lapD.call('caseload.advocates.add', { name: 'Ada (typed)', role: 'advocate' });
      const open = await lapD.call('caseload.referrals.create', {
        person: { firstName: 'Yusuf' },
        referral: { referralDate: '2026-11-10', serviceUserType: 'CIC' },
        issues: [{ code: 'PLACEMENT' }],
      });
      await lapD.call('caseload.allocate', { caseId: open.caseId, advocateId: typed.id, date: '2026-11-11' });
      await lapD.call('sync.connect', {
        serviceUrl: SERVICE_URL,
        code: (await ops.issueEnrolmentCode(pool, dee)).code,
      });
      await syncAll(lapD);
      // Kept, with its case, and flagged as not on the service.
      expect((await lapD.call('team.overview', {})).advocates).toContainEqual({
        advocateId: typed.id,
        name: 'Ada (typed)',
        onService: null,
        open: 1,
      });
      await expect(lapD.call('team.moveTypedCases', { typedId: typed.id, userId: users.b })).resolves.toEqual({
        moved: 1,
      });
      await expect(lapD.call('team.moveTypedCases', { typedId: users.a, userId: users.b })).rejects.toThrow(
        /^not_found/,
      );
      await syncAll(lapD, lapB);
      expect(await holds(lapB, open.caseId)).toBe(true);
      expect((await lapB.call('caseload.case.get', { caseId: open.caseId }))?.referral).toMatchObject({
        allocatedTo: users.b,
        allocationDate: '2026-11-11',
      });
      await expect(lapB.call('team.moveTypedCases', { typedId: typed.id, userId: users.b })).rejects.toThrow(
        /^forbidden/,
      );
    } finally {
      lapD.dispose();
    }
  });
});
