import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgKeyFor } from '../../electron/core/e2e/keyring';
import { openValue } from '../helpers/sealing';
import { Writer } from '../../electron/core/db/mutations';
import { resolveConflict } from '../../electron/core/sync/conflicts';
import { lastConversion } from '../../electron/core/sync/convert-plaintext';
import type { Transport } from '../../electron/core/sync/transport';
import * as ops from '../../server/admin/ops';
import { ORGANISATION_RECORD_KINDS, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { sealedValueSchema } from '../../shared/sync/offservice';
import { Device, SERVICE_URL, startService, testRegistry, type Service } from './harness';
import { admitWaitingLaptops } from './keys-helpers';
import { preEncryption } from './pre-encryption';

const C1 = '01900000-0000-7000-8000-0000000000b1';
const C2 = '01900000-0000-7000-8000-0000000000b2';
/** Words only the laptops typed: none may be left in a dump of the service once it is converted. */
const WORDS = [
  'Zephyrine',
  'Quillfeather',
  'Ottoline',
  'Brackenbury',
  'marmalade',
  'periwinkle',
  'tangerine',
  'hollyhock',
  'Wednesbury',
];

describe('converting a service that holds plain values from before encryption', () => {
  let service: Service;
  let alice: Device;
  let bob: Device;
  let manager: Device;
  let managerId: string;
  /** The service before its upgrade: no keys endpoints, so every laptop works in plain mode. */
  let old: ReturnType<typeof preEncryption>;
  /** The organisation's key, once the manager's laptop has made it. */
  const key = () => orgKeyFor(manager.db, 1)!;
  const enrolled = async (userId: string, transport = old.transport) => {
    const d = await Device.create(transport);
    await d.enrol(service, userId);
    service.devices.push(d);
    return d;
  };
  /** Fails the next `finish`, as a laptop closed mid-conversion would. */
  let dropFinish = false;
  /** Every push body the manager's laptop sent. */
  const managerPushes: string[] = [];
  let aliceWaiting = '';
  let alicePush = '';
  const pushAsAlice = () =>
    service.transport(`${SERVICE_URL}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.client.account()!.access_token}` },
      body: alicePush,
    });

  /** A laptop opens every value on arrival (docs/e2e.md, Values): its records hold words, never an envelope. */
  const holdsWords = (d: Device) => {
    for (const table of ['t_cases', 't_notes'])
      for (const r of d.rows(table)) expect(JSON.stringify(r)).not.toContain('$e2e');
  };
  const dump = () =>
    execFileSync('pg_dump', ['--data-only', '-d', service.db.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wordsIn = (text: string) => WORDS.filter((w) => text.includes(w));

  beforeAll(async () => {
    service = await startService({ keys: true });
    const a = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const b = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
    managerId = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    old = preEncryption(service.transport);
    alice = await enrolled(a);
    bob = await enrolled(b);
    manager = await enrolled(managerId, ((url, init) => {
      if (url.endsWith('/v1/push')) managerPushes.push(String(init?.body ?? ''));
      return dropFinish && url.endsWith('/v1/convert/finish')
        ? ((dropFinish = false), Promise.reject(new Error('lid closed')))
        : old.transport(url, init);
    }) as Transport);

    // Before encryption: cases, notes edited more than once, one conflict left open and one resolved.
    alice.write('t_cases', C1, C1, { name: 'Zephyrine Quillfeather', status: 'open' });
    alice.write('t_notes', 'n1', C1, { title: 'marmalade', body: JSON.stringify({ text: 'hollyhock' }) });
    bob.write('t_cases', C2, C2, { name: 'Ottoline Brackenbury' });
    for (const d of [alice, bob, manager]) await d.client.syncNow();
    alice.write('t_notes', 'n1', C1, { title: 'periwinkle' });
    manager.write('t_notes', 'n1', C1, { title: 'tangerine' });
    alice.write('t_cases', C1, C1, { status: 'Wednesbury' });
    manager.write('t_cases', C1, C1, { status: 'closed' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    const open = manager.db
      .prepare('SELECT id, field FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY field')
      .all() as { id: string; field: string }[];
    expect(open.map((c) => c.field)).toEqual(['status', 'title']);
    manager.db
      .transaction(() =>
        resolveConflict(
          manager.db,
          new Writer(manager.db, manager.t.core.context.clock(), testRegistry),
          testRegistry,
          open[0]!.id,
          'kept',
        ),
      )
      .immediate();
    for (const d of [manager, alice, bob]) await d.client.syncNow();

    // An edit of Alice's that the service took but whose acknowledgement she has not pulled yet.
    alice.write('t_notes', 'n1', C1, { title: 'periwinkle and tangerine' });
    const row = alice.db.prepare('SELECT * FROM outbox').get() as {
      mutation_id: string;
      entity: string;
      entity_id: string;
      case_id: string;
      field: string;
      value: string;
      base_version: number;
      hlc: string;
    };
    alicePush = JSON.stringify({
      v: PROTOCOL_VERSION,
      changes: [
        {
          mutationId: row.mutation_id,
          entity: row.entity,
          entityId: row.entity_id,
          caseId: row.case_id,
          field: row.field,
          value: JSON.parse(row.value),
          baseVersion: row.base_version,
          hlc: row.hlc,
        },
      ],
    });
    const pushed = await pushAsAlice();
    expect(pushed.status).toBe(200);
    aliceWaiting = row.mutation_id;
    // The manager then writes over it, so Alice's change is history by the time she hears of it.
    await manager.client.syncNow();
    manager.write('t_notes', 'n1', C1, { title: 'hollyhock and marmalade' });
    await manager.client.syncNow();
  });
  afterAll(() => service.close());

  it('holds the children’s names in the clear before, and keeps working for every laptop until a manager with the key converts it', async () => {
    expect(wordsIn(dump())).toEqual(WORDS);
    // The service is upgraded; until a manager's laptop syncs it holds no key, and laptops carry on.
    old.upgrade();
    await bob.client.syncNow();
    expect(wordsIn(dump())).toEqual(WORDS);
  });

  it('seals every current value and open conflict in place, and after an interruption removes the plain history when run again', async () => {
    // The manager's new note (n2) aside, which its push writes as any edit.
    const versions = async () =>
      (
        await service.db.pool.query(
          "SELECT entity_id, field, version::int FROM field_state WHERE entity_id <> 'n2' ORDER BY 1, 2",
        )
      ).rows;
    const before = await versions();
    const head = (
      await service.db.pool.query('SELECT last_seq::int AS s FROM organisations WHERE id = $1', [service.org])
    ).rows[0].s;
    // Typed on the manager's laptop as the service is upgraded: it goes sealed, never in the clear.
    manager.write('t_notes', 'n2', C1, { title: 'Written as the key is made' });
    const pushesBefore = managerPushes.length;
    dropFinish = true;
    // The manager's laptop fetches what the service holds, makes the organisation's key, then
    // converts; the lid closes before the end.
    await expect(manager.client.syncNow()).rejects.toThrow();
    expect(key()).toBeTruthy();
    // Current values are sealed, but the history still holds the words.
    // Every value of a child's record, that is: the organisation's own records stay as the service wrote them.
    const current = await service.db.pool.query(
      "SELECT entity_id, field, case_id, value FROM field_state WHERE field <> 'deleted_at' AND entity <> ALL($1::text[]) AND entity_id <> 'n2'",
      [ORGANISATION_RECORD_KINDS],
    );
    for (const r of current.rows) expect(sealedValueSchema.safeParse(r.value).success).toBe(true);
    const sent = managerPushes.slice(pushesBefore).join();
    expect(sent).toContain('n2');
    expect(sent).not.toContain('Written as the key is made');
    const n2 = await service.db.pool.query("SELECT value FROM field_state WHERE entity_id = 'n2' AND field = 'title'");
    expect(
      openValue(
        key(),
        { organisationId: service.org, entity: 't_notes', entityId: 'n2', field: 'title', caseId: C1 },
        sealedValueSchema.parse(n2.rows[0].value),
      ),
    ).toEqual({ value: 'Written as the key is made' });
    expect(wordsIn(dump()).length).toBeGreaterThan(0);

    // Alice's and Bob's laptops send their public keys; the manager's next sync finishes the
    // conversion, and the manager gives them the key.
    for (const d of [alice, bob]) await d.client.syncNow();
    expect(await admitWaitingLaptops(manager)).toBe(2);
    // What the manager's sync screen shows.
    const result = lastConversion(manager.db)!;
    expect(result).toMatchObject({ done: true, remaining: 0 });
    expect(result.converted).toBe(current.rows.length + 2);
    expect(result.removed).toBeGreaterThan(0);
    expect(wordsIn(dump())).toEqual([]);
    // The organisation's own records, which the service writes and reads, stay readable to it.
    const people = await service.db.pool.query(
      "SELECT value FROM field_state WHERE entity = 'advocate' AND field = 'name' ORDER BY value",
    );
    expect(people.rows.map((r: { value: unknown }) => r.value)).toEqual(['Alice', 'Bob', 'Morgan']);
    // No version bumped, nothing new in the log for laptops to fetch.
    expect(await versions()).toEqual(before);
    expect(
      (
        await service.db.pool.query(
          "SELECT count(*)::int AS n FROM changes WHERE organisation_id = $1 AND seq > $2 AND entity_id IS DISTINCT FROM 'n2'",
          [service.org, head],
        )
      ).rows[0].n,
    ).toBe(0);
    // Each sealed value opens at its own place only.
    const name = current.rows.find((r) => r.entity_id === C1 && r.field === 'name')!;
    const place = { organisationId: service.org, entity: 't_cases', entityId: C1, field: 'name', caseId: C1 };
    expect(openValue(key(), place, sealedValueSchema.parse(name.value))).toEqual({ value: 'Zephyrine Quillfeather' });
    expect(openValue(key(), { ...place, entityId: C2 }, sealedValueSchema.parse(name.value))).toBeNull();
  });

  it('leaves every laptop converged: the waiting acknowledgement arrives, nothing is sent again, and a new laptop receives sealed values that open to what the others hold', async () => {
    await alice.client.syncNow();
    expect(alice.outboxCount()).toBe(0);
    expect(alice.row('t_notes', 'n1')!.title).toBe('hollyhock and marmalade');
    holdsWords(alice);
    // Her change's log row lost its value (it keeps the outcome) but still acknowledged it.
    expect(
      (await service.db.pool.query('SELECT kind, value FROM changes WHERE mutation_id = $1', [aliceWaiting])).rows,
    ).toEqual([{ kind: 'acked', value: 'applied' }]);
    // Sent again (a retry whose answer was lost): answered as the first time, nothing applied.
    expect(await (await pushAsAlice()).json()).toMatchObject({
      results: [{ mutationId: aliceWaiting, outcome: 'applied', duplicate: true }],
    });
    // Only an answer given before: a new value in the clear beside the retry is refused, the whole
    // push with it, and so is the same plain change under another person's sign-in.
    const retry = JSON.parse(alicePush) as { v: number; changes: { mutationId: string; value: unknown }[] };
    const withNew = {
      ...retry,
      changes: [
        ...retry.changes,
        { ...retry.changes[0]!, mutationId: '01900000-0000-7000-8000-0000000000c1', value: 'Ottoline again' },
      ],
    };
    const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
    const refused = await service.transport(`${SERVICE_URL}/v1/push`, {
      method: 'POST',
      headers: headers(alice.client.account()!.access_token!),
      body: JSON.stringify(withNew),
    });
    expect(refused.status).toBe(400);
    const asBob = await service.transport(`${SERVICE_URL}/v1/push`, {
      method: 'POST',
      headers: headers(bob.client.account()!.access_token!),
      body: alicePush,
    });
    expect(asBob.status).toBe(400);
    expect(wordsIn(dump())).toEqual([]);
    await bob.client.syncNow();
    expect(bob.row('t_cases', C2)).toMatchObject({ name: 'Ottoline Brackenbury' });
    expect(bob.outboxCount()).toBe(0);

    // Another manager's laptop, new: it sends its public key, is given the key, and catches up.
    const fresh = await enrolled(managerId, service.transport);
    await fresh.client.syncNow();
    expect(await admitWaitingLaptops(manager)).toBe(1);
    await fresh.client.syncNow();
    expect(orgKeyFor(fresh.db, 1)?.equals(key())).toBe(true);
    await manager.client.syncNow();
    expect(manager.row('t_cases', C1)!.name).toBe('Zephyrine Quillfeather');
    for (const [table, id] of [
      ['t_cases', C1],
      ['t_cases', C2],
      ['t_notes', 'n1'],
    ] as const) {
      const mine = manager.row(table, id)!;
      const got = fresh.row(table, id)!;
      for (const field of testRegistry[table]!.fields) expect(got[field]).toEqual(mine[field]);
    }
    expect(fresh.row('t_cases', C2)!.name).toBe('Ottoline Brackenbury');
    for (const d of [manager, fresh, bob]) holdsWords(d);
    // Running it again has nothing to do.
    expect(
      (
        await service.db.pool.query(
          'SELECT plaintext_converted_at IS NOT NULL AS done FROM organisations WHERE id = $1',
          [service.org],
        )
      ).rows[0].done,
    ).toBe(true);
    const token = manager.client.account()!.access_token!;
    const again = await service.transport(`${SERVICE_URL}/v1/convert/finish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION }),
    });
    expect(again.status).toBe(400);
  });
});
