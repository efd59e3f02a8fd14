import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_FILE } from '../../electron/core/vault/vault';
import { contract, methodNames, type MethodName } from '../../shared/ipc/contract';
import { errorCodes } from '../../shared/ipc/errors';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/test-core';

/**
 * Hostile input at the IPC edge. Every method in the contract (methods added by any feature are
 * picked up from `methodNames`) gets random and malformed payloads through the real dispatch:
 * it must never throw, must always answer with an envelope, must refuse anything its schema
 * refuses with `invalid_input`, and a refused call must leave every stored row as it was.
 * A second pass sends payloads with the right keys and hostile values (injection strings, huge
 * text, odd numbers, impossible dates) to the handlers themselves: any answer is fine except an
 * unexpected failure (`internal`), which would mean a handler trusted its input too far.
 */
const RUNS_INVALID = Number(process.env.HEARD_FUZZ_RUNS ?? 60);
const RUNS_HOSTILE = Number(process.env.HEARD_FUZZ_HOSTILE_RUNS ?? 25);
/** Each of these costs a passphrase derivation (~0.3 s) or reaches the network: fewer runs, no hostile pass. */
const SLOW = /^(vault|backup)\.|^sync\.(connect|now)$|wipe|enrol/i;

let t: TestCore;
let totalRuns = 0;

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string().min(1) }).loose() }),
]);

/** A digest of every stored row, apart from the audit trail (which rightly grows) and its head. */
function digest(): string {
  const db = t.core.context.db();
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const h = createHash('sha256');
  for (const table of tables) {
    if (table === 'audit_log') continue;
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    const lines = rows
      .filter((r) => !(table === 'meta' && r.key === 'audit_head'))
      .map((r) =>
        JSON.stringify(r, (_k, v: unknown) =>
          Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v,
        ),
      )
      .sort();
    h.update(`${table}\n${lines.join('\n')}\n`);
  }
  return h.digest('hex');
}

/** Puts the store back in the state the next run expects, if a call locked it. */
async function ensureUnlocked(): Promise<void> {
  if (t.core.vault.isUnlocked) return;
  // Wrong passphrases from the fuzzer build up the unlock delay; the test is not about that.
  rmSync(join(t.dataDir, THROTTLE_FILE), { force: true });
  await t.core.vault.unlock(TEST_PASSPHRASE);
}

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    "'; DROP TABLE referrals; --",
    '" OR 1=1 --',
    '../../../../etc/passwd',
    '/dev/zero',
    'NEAR(a b) OR * ^ "',
    '\u202Eusrev\u202C',
    '\u0000\u0001\u001f',
    '%s%n%x',
    '__proto__',
    '2026-02-30',
    '0000-00-00',
    '31/12/2026',
    'x'.repeat(100_000),
    '😀'.repeat(1000),
    'محمد 123',
  ),
  fc.string(),
  fc.uuid(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e308,
    true,
    false,
    null,
  ),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 4 }),
);

function shapeKeys(name: MethodName): string[] {
  const input: unknown = contract[name].input;
  const shape = (input as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
}

/** Payloads a schema should refuse: anything at all, plus the right keys with wrong or extra values. */
function anyPayload(name: MethodName): fc.Arbitrary<unknown> {
  const keys = shapeKeys(name);
  const arbitraries: fc.Arbitrary<unknown>[] = [
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
    fc.constantFrom(
      undefined,
      null,
      0,
      '',
      [],
      'drop table',
      { __proto__: { polluted: true } },
      Object.create(null) as unknown,
    ),
  ];
  if (keys.length > 0) {
    arbitraries.push(fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()])), { requiredKeys: [] }));
    arbitraries.push(
      fc
        .tuple(
          fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }),
          fc.string({ minLength: 1, maxLength: 10 }),
          hostileValue,
        )
        .map(([o, k, v]) => ({ ...o, [`extra_${k}`]: v })),
    );
  }
  return fc.oneof(...arbitraries);
}

beforeAll(async () => {
  t = await createTestCore({ log: () => {} });
  await t.call('drafts.save', { key: 'note:fuzz', content: 'A draft that must survive.' });
});
afterAll(() => {
  console.log(`IPC fuzz: ${totalRuns} calls across ${methodNames.length} methods`);
  t.dispose();
});

describe('hostile input at the IPC edge', () => {
  it.each(methodNames.map((m) => [m]))('%s refuses malformed payloads without changing anything', async (name) => {
    const spec = contract[name];
    await fc.assert(
      fc.asyncProperty(
        anyPayload(name).filter((p) => !spec.input.safeParse(p ?? {}).success),
        async (payload) => {
          await ensureUnlocked();
          const before = digest();
          const answer = await t.core.call(name, payload);
          totalRuns += 1;
          expect(envelopeSchema.safeParse(answer).success).toBe(true);
          expect(answer.ok ? 'ok' : answer.error.code).toBe('invalid_input');
          await ensureUnlocked();
          expect(digest()).toBe(before);
        },
      ),
      { numRuns: SLOW.test(name) ? Math.min(RUNS_INVALID, 20) : RUNS_INVALID },
    );
  });

  it('unknown and inherited method names are refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault.status ', 'VAULT.STATUS'),
        ),
        fc.anything(),
        async (name, payload) => {
          fc.pre(!(methodNames as string[]).includes(name));
          const answer = await t.core.call(name, payload);
          totalRuns += 1;
          expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(methodNames.filter((m) => !SLOW.test(m)).map((m) => [m]))(
    '%s answers hostile values with a typed envelope, never an unexpected failure',
    async (name) => {
      const keys = shapeKeys(name);
      const payload =
        keys.length > 0
          ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
          : fc.constant({});
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          await ensureUnlocked();
          const answer = await t.core.call(name, input);
          totalRuns += 1;
          expect(envelopeSchema.safeParse(answer).success).toBe(true);
          expect(answer.ok ? 'ok' : answer.error.code).not.toBe('internal');
        }),
        { numRuns: RUNS_HOSTILE },
      );
    },
  );
});
