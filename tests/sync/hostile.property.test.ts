import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import type { OutgoingChange } from '../../shared/sync/protocol';
import { rawDevice, type RawDevice } from '../server/service-client';
import { Device, startService, type Service } from './harness';
import { ENCRYPTION_MODES, expectSealed, TestOrgKey, valueReader } from './e2e-setup';
import { FaultyNetwork, seeded } from './faulty-network';
import { connectDevices, heal, networkActions, runNetworkAction, type NetworkAction } from './property-run';

const CASE_A = '01900000-0000-7000-8000-0000000000d1';
const CASE_B = '01900000-0000-7000-8000-0000000000d2';
const CASE_E = '01900000-0000-7000-8000-0000000000d3';
const NOTES = [
  { id: 'a0', caseId: CASE_A },
  { id: 'a1', caseId: CASE_A },
  { id: 'b0', caseId: CASE_B },
];
/** What ids worked out from a reference looked like: an attacker's guesses at cases not yet sent. */
const guessedId = (reference: string) => {
  const h = createHash('sha256').update(`heard:referral:${reference}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const GUESSES = ['REF-0001', 'REF-0002', 'REF-0003'].map(guessedId);

type Action =
  | { t: 'edit'; d: number; rec: number; field: 'title' | 'status'; value: number }
  /** Alice opens a new case (a fresh random id) with a note in it. */
  | { t: 'newCase'; value: number }
  /** `reuse` 0: with the mutation id of a change a colleague has already sent (leaked to Eve). */
  | {
      t: 'attack';
      entity: number;
      record: number;
      kase: number;
      field: number;
      value: number;
      base: number;
      reuse: number;
    }
  | { t: 'spy' }
  | { t: 'meddle'; pick: number; choice: number }
  | NetworkAction;

const device = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 1000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      d: device,
      rec: fc.integer({ min: 0, max: 2 }),
      field: fc.constantFrom('title' as const, 'status' as const),
      value: fc.nat({ max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('newCase' as const), value: fc.nat({ max: 5 }) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('attack' as const),
      entity: pick,
      record: pick,
      kase: pick,
      field: pick,
      value: fc.nat({ max: 5 }),
      base: fc.nat({ max: 3 }),
      reuse: fc.nat({ max: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'spy' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('meddle' as const), pick, choice: fc.nat({ max: 2 }) }) },
  ...networkActions,
);

type Row = { entity: string; entity_id: string; field: string; case_id: string | null; value: unknown };

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/**
 * Three honest laptops (advocates Alice and Bilal, manager Morgan) on a lossy network, and Eve, an
 * advocate whose enrolled device sends whatever it likes: other advocates' record and case ids,
 * ids of cases Alice has made but not yet sent, ids guessed from references, her own case, no
 * case at all, and resolutions of conflicts she has heard of.
 */
describe.each(ENCRYPTION_MODES)(
  'an enrolled device acting in bad faith among three honest laptops ($name)',
  ({ sealed }) => {
    let service: Service;
    // With encryption on, Eve is a member and holds the key: she seals what she sends, and opens
    // whatever she is sent, so what she hears is checked opened.
    const e2e = sealed ? new TestOrgKey() : null;
    let sealedValues = 0;
    let eveReadOwn = 0;
    const devices: Device[] = [];
    const faults = {
      dropped: 0,
      lostReplies: 0,
      duplicated: 0,
      delayed: 0,
      attacks: 0,
      refusedAttacks: 0,
      replayed: 0,
    };

    beforeAll(async () => {
      service = await startService();
      for (let i = 0; i < 3; i++) devices.push(await Device.create(service.transport));
    });
    afterAll(async () => {
      for (const d of devices) d.dispose();
      await service.close();
    });

    it('honest laptops converge and lose no edit; the hostile device receives and changes nothing it does not hold', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(action, { minLength: 10, maxLength: 60, size: 'medium' }),
          fc.integer(),
          async (actions, seed) => {
            run++;
            const pool = service.db.pool;
            const org = await ops.createOrganisation(pool, `Hostile ${run}`);
            const users = [
              await ops.createUser(pool, org, 'Alice', `a${run}@example.org`, 'advocate'),
              await ops.createUser(pool, org, 'Bilal', `b${run}@example.org`, 'advocate'),
              await ops.createUser(pool, org, 'Morgan', `m${run}@example.org`, 'manager'),
            ];
            const eveUser = await ops.createUser(pool, org, 'Eve', `e${run}@example.org`, 'advocate');
            await ops.allocate(pool, org, CASE_A, users[0]!);
            await ops.allocate(pool, org, CASE_B, users[1]!);
            await ops.allocate(pool, org, CASE_E, eveUser);
            // The honest notes exist before Eve starts: a record id can only be known once it exists
            // (ids are random); one pushed first by someone else is theirs.
            const seeder = await rawDevice(service.app, pool, users[2]!);
            if (e2e) await e2e.enable(pool, org);
            const seal = (c: Partial<OutgoingChange>) => (e2e ? e2e.sealed(org, c) : c);
            await seeder.push(
              NOTES.map((n) =>
                seal({
                  entity: 't_notes',
                  entityId: n.id,
                  caseId: n.caseId,
                  field: 'title',
                  value: `HONEST seed ${n.id}`,
                }),
              ),
            );
            const net = new FaultyNetwork(service.transport, seeded(seed));
            await connectDevices(pool, devices, users, net, e2e);
            const eve: RawDevice = await rawDevice(service.app, pool, eveUser);
            const hear = (raw: string) => (e2e ? e2e.reveal(org, raw) : raw);
            /** Everything the service said to Eve. */
            const heard: string[] = [];
            const read = valueReader(e2e, org);
            /**
             * Cases Alice made here, sent or not: Eve is assumed to know (or guess) their ids all
             * along, and the ids of the notes in them once the service has them.
             */
            const aliceCases: string[] = [];
            const aliceNotes: string[] = [];
            const recordIds = async () => {
              const known = await pool.query<{ entity_id: string }>(
                'SELECT DISTINCT entity_id FROM field_state WHERE organisation_id = $1 AND entity_id = ANY($2::text[])',
                [org, aliceNotes],
              );
              return [
                ...NOTES.map((n) => n.id),
                CASE_A,
                CASE_B,
                ...aliceCases,
                ...known.rows.map((r) => r.entity_id),
                ...GUESSES,
                'eve-own',
                uuidv7(),
              ];
            };
            const caseIds = () => [CASE_A, CASE_B, CASE_E, ...aliceCases, ...GUESSES, null, uuidv7()];
            let stamp = 0;

            for (const a of actions) {
              stamp++;
              if (a.t === 'edit') {
                const note = NOTES[a.rec]!;
                // People edit what is theirs: Alice her case, Bilal his, Morgan (a manager) any.
                if (a.d === 2 || (a.d === 0 && note.caseId === CASE_A) || (a.d === 1 && note.caseId === CASE_B)) {
                  devices[a.d]!.write('t_notes', note.id, note.caseId, {
                    [a.field]: `HONEST ${a.field} ${a.value} from ${a.d} #${stamp}`,
                  });
                }
              } else if (a.t === 'newCase') {
                const id = uuidv7();
                const noteId = uuidv7();
                aliceCases.push(id);
                aliceNotes.push(noteId);
                devices[0]!.write('t_cases', id, id, { name: `HONEST case ${a.value} #${stamp}` });
                devices[0]!.write('t_notes', noteId, id, { title: `HONEST first visit #${stamp}` });
              } else if (a.t === 'attack') {
                faults.attacks++;
                const entity = at(['t_notes', 't_cases', 'person', 'advocate', 'case_allocation'], a.entity);
                // Fields the entity has, so what Eve may write to her own cases makes whole records.
                const field = at(
                  entity === 't_notes'
                    ? ['title', 'status']
                    : entity === 't_cases'
                      ? ['name']
                      : entity === 'case_allocation'
                        ? ['user_id']
                        : ['name', 'first_name'],
                  a.field,
                );
                // An allocation names a person: Eve tries to give cases to herself or to move them between colleagues.
                const value = entity === 'case_allocation' ? at([eveUser, ...users], a.value) : `EVIL ${a.value}`;
                const colleagues =
                  a.reuse === 0
                    ? (
                        await pool.query<{ id: string }>(
                          'SELECT mutation_id AS id FROM changes WHERE organisation_id = $1 AND mutation_id IS NOT NULL AND device_id <> $2 ORDER BY seq',
                          [org, eve.deviceId],
                        )
                      ).rows
                    : [];
                const stolen = colleagues.length ? at(colleagues, a.value).id : null;
                const res = await eve.push([
                  seal({
                    ...(stolen ? { mutationId: stolen } : {}),
                    entity,
                    entityId: at(await recordIds(), a.record),
                    caseId: at(caseIds(), a.kase),
                    field,
                    value,
                    baseVersion: a.base,
                  }),
                ]);
                heard.push(JSON.stringify(res.body));
                if (stolen) {
                  // The colleague's change stays theirs: no outcome of it, no duplicate, nothing applied.
                  faults.replayed++;
                  expect((res.body.results as unknown[])[0]).toEqual({
                    mutationId: stolen,
                    outcome: 'refused',
                    duplicate: false,
                    reason: 'not_held',
                  });
                }
                if ((res.body.results as { outcome: string }[] | undefined)?.[0]?.outcome === 'refused')
                  faults.refusedAttacks++;
              } else if (a.t === 'spy') {
                heard.push(hear((await eve.pullAll()).raw));
              } else if (a.t === 'meddle') {
                const known = await pool.query<{ id: string }>(
                  'SELECT id FROM conflicts WHERE organisation_id = $1 ORDER BY id',
                  [org],
                );
                if (known.rows.length) {
                  const res = await eve.push(
                    [],
                    [{ conflictId: at(known.rows, a.pick).id, choice: at(['kept', 'edit', 'merged'], a.choice) }],
                  );
                  heard.push(JSON.stringify(res.body));
                }
              } else await runNetworkAction(a, devices, net);
            }

            await heal(devices, net);
            heard.push(hear((await eve.pullAll()).raw));
            for (const k of ['dropped', 'lostReplies', 'duplicated', 'delayed'] as const) faults[k] += net.stats[k];

            // Nothing Eve heard holds anything an honest laptop wrote.
            expect(heard.join('\n')).not.toContain('HONEST');
            // With encryption on, what she heard was read opened: her own words in her own case show it.
            if (heard.join('\n').includes('EVIL')) eveReadOwn++;

            // Nothing Eve sent changed a record outside the cases she holds.
            const eveCases = (
              await pool.query<{ case_id: string }>(
                'SELECT case_id FROM allocations WHERE organisation_id = $1 AND user_id = $2',
                [org, eveUser],
              )
            ).rows.map((r) => r.case_id);
            // Ids Eve pushed first are hers (Alice's laptop moved its case to a new id); the cases
            // she holds hold only what she wrote.
            for (const honest of [CASE_A, CASE_B]) expect(eveCases).not.toContain(honest);
            // Nor did she allocate anything: every allocation in the log is the admin's, none hers.
            const holders = await pool.query<{ case_id: string; user_id: string }>(
              'SELECT case_id, user_id FROM allocations WHERE organisation_id = $1 AND case_id = ANY($2::text[]) ORDER BY case_id',
              [org, [CASE_A, CASE_B]],
            );
            expect(holders.rows).toEqual([
              { case_id: CASE_A, user_id: users[0] },
              { case_id: CASE_B, user_id: users[1] },
            ]);
            expect(
              (
                await pool.query(
                  "SELECT 1 FROM changes WHERE organisation_id = $1 AND kind = 'allocation' AND user_id = $2",
                  [org, eveUser],
                )
              ).rows,
            ).toEqual([]);
            const mixed = await pool.query(
              'SELECT entity_id FROM field_state WHERE organisation_id = $1 AND case_id = ANY($2::text[]) AND user_id <> $3',
              [org, eveCases, eveUser],
            );
            expect(mixed.rows).toEqual([]);
            const touched = await pool.query<{ entity_id: string; case_id: string | null }>(
              'SELECT entity_id, case_id FROM field_state WHERE organisation_id = $1 AND user_id = $2',
              [org, eveUser],
            );
            for (const r of touched.rows) expect(eveCases, `Eve changed ${r.entity_id}`).toContain(r.case_id);
            const planted = await pool.query(
              'SELECT id FROM conflicts WHERE organisation_id = $1 AND (edit_user = $2 OR resolved_by = $2) AND NOT (case_id = ANY($3::text[]))',
              [org, eveUser, eveCases],
            );
            expect(planted.rows).toEqual([]);

            // Each honest laptop holds exactly what the service holds of the cases its user may see.
            for (const [i, d] of devices.entries()) {
              expect(d.outboxCount(), `device ${i} sent everything`).toBe(0);
              for (const entity of ['t_notes', 't_cases']) {
                const state = await pool.query<Row>(
                  `SELECT s.entity, s.entity_id, s.field, s.case_id, s.value FROM field_state s LEFT JOIN allocations a ON a.organisation_id = s.organisation_id AND a.case_id = s.case_id
                WHERE s.organisation_id = $1 AND s.entity = $2 AND ($3 OR a.user_id = $4)`,
                  [org, entity, i === 2, users[i]],
                );
                const expected = new Map<string, Record<string, unknown>>();
                for (const r of state.rows)
                  expected.set(r.entity_id, { ...expected.get(r.entity_id), [r.field]: read(r) });
                const local = d.rows(entity);
                expect(local.map((r) => r.id).sort(), `device ${i} ${entity}`).toEqual([...expected.keys()].sort());
                for (const row of local)
                  for (const [field, value] of Object.entries(expected.get(row.id as string)!))
                    expect(row[field]).toEqual(value);
              }
            }

            // No honest edit is lost: each reached the service (applied, answered, or kept as a
            // conflict). The one exception is a case whose id Eve took first: Alice's laptop gave it
            // a new id and sent it again whole, so its words are on the service under the new id.
            const written = devices.flatMap((d) => d.written);
            const logged = await pool.query<{ mutation_id: string; kind: string }>(
              'SELECT mutation_id, kind FROM changes WHERE organisation_id = $1 AND mutation_id = ANY($2::uuid[])',
              [org, written.map((w) => w.mutationId)],
            );
            const kinds = new Map(logged.rows.map((r) => [r.mutation_id, r.kind]));
            const values = await pool.query<Row>(
              `SELECT entity, entity_id, field, case_id, value FROM field_state WHERE organisation_id = $1 UNION ALL SELECT entity, entity_id, field, case_id, edit_value FROM conflicts WHERE organisation_id = $1
           UNION ALL SELECT entity, entity_id, field, case_id, value FROM changes WHERE organisation_id = $1 AND kind IN ('change', 'conflict', 'noop', 'superseded')`,
              [org],
            );
            const onService = new Set(values.rows.map((r) => JSON.stringify(read(r))));
            if (e2e) sealedValues += await expectSealed(pool, org);
            for (const w of written) {
              const kind = kinds.get(w.mutationId);
              if (kind === 'refused') {
                expect([...aliceCases, ...aliceNotes], `only a taken case is refused: ${w.entityId}`).toContain(
                  w.entityId,
                );
                expect(onService.has(w.value!), `${w.value} is on the service`).toBe(true);
              } else expect(['change', 'noop', 'superseded', 'conflict'], `edit ${w.mutationId}`).toContain(kind);
            }
          },
        ),
        {
          numRuns: Number(process.env.HEARD_SYNC_RUNS ?? 20),
          endOnFailure: true,
          ...(process.env.HEARD_EXAMPLE
            ? { examples: [JSON.parse(process.env.HEARD_EXAMPLE) as [Action[], number]], numRuns: 1 }
            : {}),
        },
      );
      // The network really lost, repeated and reordered requests, and Eve really attacked.
      expect(faults.dropped + faults.lostReplies).toBeGreaterThan(0);
      expect(faults.duplicated).toBeGreaterThan(0);
      expect(faults.delayed).toBeGreaterThan(0);
      expect(faults.refusedAttacks).toBeGreaterThan(0);
      if (e2e) expect(sealedValues, 'values were sealed').toBeGreaterThan(0);
      expect(eveReadOwn, 'Eve read back her own words').toBeGreaterThan(0);
      expect(faults.replayed).toBeGreaterThan(0);
    }, 900_000);
  },
);
