import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { expectSealed, TestOrgKey } from './e2e-setup';
import { startService, type Device, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-00000000e2e1';
/** Words a child's record holds, unusual enough that finding one anywhere means it leaked. */
const CHILD = { first_name: 'Tallulah', last_name: 'Fenwick-Oyelaran', date_of_birth: '2011-03-14' };
const NOTE_WORDS = ['Grandmother', 'Skegness', 'trampoline', 'nightmares', 'Pemberton'];
const SECRETS = [CHILD.first_name, CHILD.last_name, CHILD.date_of_birth, ...NOTE_WORDS, 'Looked after since spring'];

describe('after sync with encryption on, the service holds no word of a child’s record', () => {
  let service: Service;
  const logged: string[] = [];
  let org: string;
  let advocate: Device;
  let manager: Device;
  const key = new TestOrgKey();

  beforeAll(async () => {
    service = await startService({ logger: { level: 'trace', stream: { write: (line) => void logged.push(line) } } });
    org = service.org;
    const alice = await ops.createUser(service.db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(service.db.pool, org, 'Morgan', 'morgan@example.org', 'manager');
    await ops.allocate(service.db.pool, org, CASE, alice);
    advocate = await service.enrolledDevice(alice);
    manager = await service.enrolledDevice(morgan);
    await key.enable(service.db.pool, org, [advocate, manager]);
  });
  afterAll(() => service.close());

  it('pg_dump of the service and its log lines contain no name, date of birth or note word', async () => {
    advocate.write('t_cases', CASE, CASE, {
      name: `${CHILD.first_name} ${CHILD.last_name}`,
      status: 'Looked after since spring',
    });
    advocate.write('t_people', 'p1', CASE, CHILD);
    advocate.write('t_notes', 'n1', CASE, {
      title: `Visit to ${NOTE_WORDS[0]} in ${NOTE_WORDS[1]}`,
      body: { type: 'doc', text: `Talked about the ${NOTE_WORDS[2]} and the ${NOTE_WORDS[3]}.` },
    });
    await advocate.client.syncNow();
    await manager.client.syncNow();
    // The manager's edit meets the advocate's: a conflict, whose both sides rest on the service.
    manager.write('t_notes', 'n1', CASE, { status: `Called Mrs ${NOTE_WORDS[4]}` });
    advocate.write('t_notes', 'n1', CASE, { status: `Wrote to ${NOTE_WORDS[4]} school` });
    await manager.client.syncNow();
    await advocate.client.syncNow();
    await manager.client.syncNow();
    advocate.write('t_notes', 'n2', CASE, { title: 'Second visit', body: { text: 'Nothing new' } });
    advocate.write('t_notes', 'n2', CASE, { deleted_at: '2026-02-01T10:00:00.000Z' });
    await advocate.client.syncNow();
    await manager.client.syncNow();

    // The test means something: the manager's laptop reads every word, the conflict included.
    expect(manager.row('t_people', 'p1')).toMatchObject(CHILD);
    expect(String(manager.row('t_notes', 'n1')!.body)).toContain(NOTE_WORDS[3]);
    const conflict = advocate.db.prepare('SELECT edit_value, kept_value FROM sync_conflicts').get() as {
      edit_value: string;
      kept_value: string;
    };
    expect(`${conflict.edit_value} ${conflict.kept_value}`).toContain(NOTE_WORDS[4]);

    const dump = execFileSync('pg_dump', ['--no-owner', service.db.url], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(dump).toContain('$e2e');
    for (const s of SECRETS) expect(dump, `the dump holds "${s}"`).not.toContain(s);
    const lines = logged.join('');
    expect(lines.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(lines, `the log holds "${s}"`).not.toContain(s);
    expect(await expectSealed(service.db.pool, org)).toBeGreaterThan(5);
    // Deletions stay plain, so the service can order them and purge tombstones.
    const tomb = await service.db.pool.query(
      "SELECT value FROM field_state WHERE organisation_id = $1 AND entity_id = 'n2' AND field = 'deleted_at'",
      [org],
    );
    expect(tomb.rows[0]!.value).toBe('2026-02-01T10:00:00.000Z');
  });
});
