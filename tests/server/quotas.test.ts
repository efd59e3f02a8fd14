import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { MAX_VALUE_BYTES } from '../../shared/sync/safe-json';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice, type RawDevice } from './service-client';

const MB = 1024 * 1024;

/** How large one value may be, and how much one device may push in a day. */
describe('value size and the daily byte quota', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let user: string;
  let device: RawDevice;
  let clock = Date.parse('2026-03-02T23:55:00Z');
  const kase = uuidv7();

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool, now: () => new Date(clock), bytesPerDevicePerDay: 1 * MB });
    const org = await ops.createOrganisation(db.pool, 'Riverside');
    user = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate');
    device = await rawDevice(app, db.pool, user);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const stored = async (entityId: string) =>
    (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM field_state WHERE entity_id = $1', [entityId]))
      .rows[0]!.n;

  it('refuses a value over 256 KB with words a person can act on, and stores nothing of the push', async () => {
    const [small, big] = [uuidv7(), uuidv7()];
    // Multi-byte text counts by its bytes: 90,000 "é" are 180,000 bytes; 90,000 "€" are 270,000.
    const res = await device.push([
      { entity: 'note', entityId: small, caseId: kase, field: 'body', value: 'é'.repeat(90_000) },
      { entity: 'note', entityId: big, caseId: kase, field: 'body', value: '€'.repeat(90_000) },
    ]);
    expect(res.status).toBe(400);
    expect((res.body.error as { message: string }).message).toMatch(/larger than 256 KB.*Shorten it or split it/);
    expect(await stored(small)).toBe(0);
    expect(await stored(big)).toBe(0);
    // Just under the limit is fine, as is a long note in an array of paragraphs.
    const ok = await device.push([
      { entity: 'note', entityId: small, caseId: kase, field: 'body', value: 'é'.repeat(90_000) },
      {
        entity: 'note',
        entityId: big,
        caseId: kase,
        field: 'paragraphs',
        value: Array.from({ length: 10 }, () => 'a'.repeat(MAX_VALUE_BYTES / 10 - 100)),
      },
    ]);
    expect(ok.status).toBe(200);
    expect(await stored(big)).toBe(1);
    const nested = await device.push([
      {
        entity: 'note',
        entityId: uuidv7(),
        caseId: kase,
        field: 'paragraphs',
        value: Array.from({ length: 11 }, () => 'a'.repeat(MAX_VALUE_BYTES / 10)),
      },
    ]);
    expect(nested.status).toBe(400);
  });

  it("answers 429 with the seconds to the next day once a device has pushed its day's bytes; other devices go on", async () => {
    const busy = await rawDevice(app, db.pool, user);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await busy.push([
        { entity: 'note', entityId: uuidv7(), caseId: kase, field: 'body', value: 'a'.repeat(200_000) },
      ]);
      statuses.push(res.status);
      if (res.status === 429) {
        // 23:55 UTC: five minutes to the next day.
        expect(Number(res.headers['retry-after'])).toBe(5 * 60);
        expect((res.body.error as { code: string; message: string }).message).toMatch(
          /as much as it accepts from one computer in a day/,
        );
      }
    }
    // Five pushes of 200 KB are under 1 MB, so the sixth is let in and takes it over; the rest are refused.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    const other = await rawDevice(app, db.pool, user);
    expect(
      (
        await other.push([
          { entity: 'note', entityId: uuidv7(), caseId: kase, field: 'body', value: 'From the other laptop' },
        ])
      ).status,
    ).toBe(200);
    clock += 5 * 60 * 1000;
    expect(
      (await busy.push([{ entity: 'note', entityId: uuidv7(), caseId: kase, field: 'body', value: 'The next day' }]))
        .status,
    ).toBe(200);
  });
});
