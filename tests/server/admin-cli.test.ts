import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldBackLine } from '../../server/admin/print';
import * as ops from '../../server/admin/ops';
import { forTerminal } from '../../server/admin/terminal-text';
import { buildServer } from '../../server/app';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { runAdmin } from './run-admin';

/** Any of these reaching a terminal raw could redraw it, retitle it or reorder what it shows. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Clear the screen and print a fake line; set the window title; carriage return over the line;
// a right-to-left override that makes "exe.txt" read as "txt.exe".
const HOSTILE_DEVICE = '\u001b[2J\u001b[1;1HAll devices revoked\u0007\r';
const HOSTILE_USER = 'Sam\u001b]0;owned\u0007 \u202eexe.txt';

describe('the admin CLI shows names as text, never as terminal commands', () => {
  let db: TestDatabase;
  let org: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await ops.createOrganisation(db.pool, 'Escapes Service');
    const user = await ops.createUser(db.pool, org, HOSTILE_USER, 'sam@example.org', 'advocate');
    const app = await buildServer({ pool: db.pool });
    try {
      const { code } = await ops.issueEnrolmentCode(db.pool, user);
      // The device chooses its own name at enrolment: the hostile text arrives the way it would.
      const enrol = (deviceName: string) =>
        app.inject({
          method: 'POST',
          url: '/v1/enrol',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ v: PROTOCOL_VERSION, code, deviceName }),
        });
      const res = await enrol(HOSTILE_DEVICE);
      if (res.statusCode === 400) {
        // Where the service refuses such names at enrolment, names stored before it did are
        // still printed: put one in place as it would have been stored.
        const ok = await enrol('laptop');
        expect(ok.statusCode).toBe(200);
        await db.pool.query('UPDATE devices SET name = $1 WHERE user_id = $2', [HOSTILE_DEVICE, user]);
      } else expect(res.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
  afterAll(async () => {
    await db.drop();
  });

  it('`devices` escapes control characters in device and user names', async () => {
    const { code, out, err } = await runAdmin(['devices', '--org', org], db.url);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).toContain('"\\x1b[2J\\x1b[1;1HAll devices revoked\\x07\\x0d"');
    expect(out).toContain('Sam\\x1b]0;owned\\x07 \\u202eexe.txt <sam@example.org>');
    // One device, one line: an embedded newline or carriage return cannot forge another.
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('escapes the other lines that carry pushed or chosen text, and keeps ordinary names readable', () => {
    expect(
      heldBackLine({
        deviceId: 'd1',
        deviceName: 'laptop\nd2  fake',
        userName: 'Zoë Ó Briain',
        lastSeenAt: null,
        syncedSeq: 3,
        sentSeq: 3,
      }),
    ).toBe('  d1  laptop\\x0ad2  fake (Zoë Ó Briain)  last seen never  applied up to change 3');
    expect(forTerminal('محمد Nguyễn Wójcik')).toBe('محمد Nguyễn Wójcik');
    expect(forTerminal('a\\x1b')).toBe('a\\\\x1b');
    expect(forTerminal('\u0085\u009b31m\u2028\u200b\ufeff')).toBe('\\x85\\x9b31m\\u2028\\u200b\\ufeff');
  });
});
