import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { Device, startService, type Service } from './harness';
import { FaultyNetwork, seeded } from './faulty-network';
import { ENCRYPTION_MODES, expectSealed, TestOrgKey, valueReader } from './e2e-setup';
import {
  addFaults,
  connectDevices,
  expectFaultsHappened,
  expectUnchangedOutcomesCarryValues,
  heal,
  networkActions,
  noFaults,
  runNetworkAction,
  type NetworkAction,
} from './property-run';

const CASES = ['01900000-0000-7000-8000-0000000000b1', '01900000-0000-7000-8000-0000000000b2'];
/** Two notes in each case. */
const NOTES = [
  { id: 'x0', caseIndex: 0 },
  { id: 'x1', caseIndex: 0 },
  { id: 'y0', caseIndex: 1 },
  { id: 'y1', caseIndex: 1 },
];

type Action =
  | { t: 'edit'; d: number; rec: number; field: 'title' | 'status'; value: number }
  | { t: 'sync'; d: number }
  | { t: 'partition'; d: number }
  | { t: 'reallocate'; c: number }
  | NetworkAction;

const REPLAY = process.env.HEARD_EXAMPLE;

/**
 * Counterexamples found before, run first every time. Both had a case taken from Alice while her
 * laptop still had edits to it on the way, then given back before her laptop's
 * waiting purge ran: the laptop kept a record the service never took.
 */
const REGRESSIONS: [Action[], number][] = [
  [
    [
      { t: 'edit', d: 1, rec: 3, field: 'title', value: 1 },
      { t: 'edit', d: 0, rec: 1, field: 'title', value: 1 },
      { t: 'sync', d: 2 },
      { t: 'edit', d: 0, rec: 1, field: 'title', value: 0 },
      { t: 'edit', d: 0, rec: 1, field: 'title', value: 2 },
      { t: 'reallocate', c: 0 },
      { t: 'sync', d: 0 },
      { t: 'reallocate', c: 0 },
      { t: 'edit', d: 0, rec: 0, field: 'status', value: 1 },
      { t: 'edit', d: 0, rec: 0, field: 'title', value: 0 },
      { t: 'sync', d: 0 },
      { t: 'sync', d: 1 },
    ],
    29,
  ],
  [
    [
      { t: 'edit', d: 1, rec: 0, field: 'status', value: 0 },
      { t: 'edit', d: 0, rec: 0, field: 'title', value: 1 },
      { t: 'reallocate', c: 0 },
      { t: 'sync', d: 1 },
      { t: 'sync', d: 0 },
      { t: 'partition', d: 1 },
      { t: 'sync', d: 2 },
      { t: 'heal', d: 2 },
      { t: 'edit', d: 1, rec: 1, field: 'title', value: 0 },
      { t: 'edit', d: 0, rec: 2, field: 'title', value: 0 },
      { t: 'sync', d: 1 },
      { t: 'reallocate', c: 0 },
      { t: 'heal', d: 0 },
      { t: 'heal', d: 1 },
      { t: 'reallocate', c: 1 },
    ],
    -36706300,
  ],
];

const device = fc.integer({ min: 0, max: 2 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      d: device,
      rec: fc.integer({ min: 0, max: 3 }),
      field: fc.constantFrom('title' as const, 'status' as const),
      value: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reallocate' as const), c: fc.integer({ min: 0, max: 1 }) }) },
  ...networkActions,
);

describe.each(ENCRYPTION_MODES)(
  'reallocating cases while two advocates and a manager edit over a bad network ($name)',
  ({ sealed }) => {
    let service: Service;
    const e2e = sealed ? new TestOrgKey() : null;
    let sealedValues = 0;
    const devices: Device[] = [];

    beforeAll(async () => {
      service = await startService();
      for (let i = 0; i < 3; i++) devices.push(await Device.create(service.transport));
    });
    afterAll(async () => {
      for (const d of devices) d.dispose();
      await service.close();
    });

    it('each laptop ends with exactly the cases its user holds, as the service has them, and no edit is lost', async () => {
      let run = 0;
      const faults = noFaults();
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), fc.integer(), async (actions, seed) => {
          run++;
          const pool = service.db.pool;
          const org = await ops.createOrganisation(pool, `Realloc ${run}`);
          const users = [
            await ops.createUser(pool, org, 'Alice', `a${run}@example.org`, 'advocate'),
            await ops.createUser(pool, org, 'Bilal', `b${run}@example.org`, 'advocate'),
            await ops.createUser(pool, org, 'Morgan', `m${run}@example.org`, 'manager'),
          ];
          const holder = [users[0]!, users[1]!];
          await ops.allocate(pool, org, CASES[0]!, holder[0]!);
          await ops.allocate(pool, org, CASES[1]!, holder[1]!);
          const net = new FaultyNetwork(service.transport, seeded(seed));
          await connectDevices(pool, devices, users, net, e2e);
          const read = valueReader(e2e, org);
          for (const a of actions) {
            if (a.t === 'edit') {
              const note = NOTES[a.rec]!;
              const d = devices[a.d]!;
              // People edit what they can see: their own cases, or a record still on their laptop.
              const canSee =
                a.d === 2 || holder[note.caseIndex] === users[a.d] || d.row('t_notes', note.id) !== undefined;
              if (canSee)
                d.write('t_notes', note.id, CASES[note.caseIndex]!, { [a.field]: `${a.field} ${a.value} from ${a.d}` });
            } else if (a.t === 'reallocate') {
              holder[a.c] = holder[a.c] === users[0] ? users[1]! : users[0]!;
              await ops.allocate(pool, org, CASES[a.c]!, holder[a.c]!);
            } else await runNetworkAction(a, devices, net);
          }

          await heal(devices, net);
          addFaults(faults, net);

          for (const [i, d] of devices.entries()) {
            const state = await pool.query<{
              entity: string;
              entity_id: string;
              field: string;
              case_id: string | null;
              value: unknown;
            }>(
              `SELECT s.entity, s.entity_id, s.field, s.case_id, s.value FROM field_state s JOIN allocations a ON a.organisation_id = s.organisation_id AND a.case_id = s.case_id
              WHERE s.organisation_id = $1 AND s.entity = 't_notes' AND ($2 OR a.user_id = $3)`,
              [org, i === 2, users[i]],
            );
            const expected = new Map<string, Record<string, unknown>>();
            for (const r of state.rows) expected.set(r.entity_id, { ...expected.get(r.entity_id), [r.field]: read(r) });
            expect(d.outboxCount()).toBe(0);
            const local = d.rows('t_notes');
            expect(local.map((r) => r.id).sort(), `device ${i}`).toEqual([...expected.keys()].sort());
            for (const row of local)
              for (const [field, value] of Object.entries(expected.get(row.id as string)!))
                expect(row[field]).toEqual(value);
          }

          const written = devices.flatMap((d) => d.written);
          const logged = await pool.query<{ mutation_id: string; kind: string }>(
            'SELECT mutation_id, kind FROM changes WHERE organisation_id = $1 AND mutation_id = ANY($2::uuid[])',
            [org, written.map((w) => w.mutationId)],
          );
          const conflicts = await pool.query<{ edit_mutation_id: string }>(
            'SELECT edit_mutation_id FROM conflicts WHERE organisation_id = $1',
            [org],
          );
          const kinds = new Map(logged.rows.map((r) => [r.mutation_id, r.kind]));
          const kept = new Set(conflicts.rows.map((r) => r.edit_mutation_id));
          for (const w of written) {
            const kind = kinds.get(w.mutationId);
            expect(['change', 'noop', 'superseded', 'conflict', 'refused']).toContain(kind);
            // An edit from a laptop whose case was taken away meanwhile is refused to it, and kept
            // as a conflict for the case's new holder: never lost.
            if (kind === 'conflict' || kind === 'refused') expect(kept.has(w.mutationId)).toBe(true);
          }
          await expectUnchangedOutcomesCarryValues(pool, org, devices, e2e);
          if (e2e) sealedValues += await expectSealed(pool, org);
        }),
        // HEARD_EXAMPLE='[actions, seed]' replays one counterexample.
        {
          numRuns: Number(process.env.HEARD_SYNC_RUNS ?? 20),
          endOnFailure: true,
          examples: REGRESSIONS,
          ...(REPLAY ? { examples: [JSON.parse(REPLAY) as [Action[], number]], numRuns: 1 } : {}),
        },
      );
      // One replayed example need not meet every kind of fault; the generated runs together must.
      if (!REPLAY) expectFaultsHappened(faults);
      if (e2e) expect(sealedValues, 'values were sealed').toBeGreaterThan(0);
    }, 600_000);
  },
);
