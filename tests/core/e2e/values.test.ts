import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveValueKeys, openValue, sealValue, type ValuePlace } from '../../../electron/core/e2e/values';
import { envelopeSchema, isEnvelope } from '../../../shared/sync/envelope';
import { MAX_VALUE_BYTES } from '../../../shared/sync/safe-json';

const ORG = '01900000-0000-7000-8000-00000000aaaa';
const MID = '01900000-0000-7000-8000-00000000bbbb';
const place: ValuePlace = { organisationId: ORG, entity: 'person', entityId: 'p1', field: 'first_name', caseId: 'c1' };
const key = randomBytes(32);
const k1 = deriveValueKeys(ORG, 1, key);
const keyFor = (e: number) => (e === 1 ? k1 : null);

describe('sealing values', () => {
  it('opens only at its own place, for its own mutation, under its own organisation and epoch', () => {
    const env = sealValue(k1, place, MID, { words: 'Tallulah' });
    expect(envelopeSchema.parse(env)).toEqual(env);
    expect(JSON.stringify(env)).not.toContain('Tallulah');
    expect(openValue(keyFor, place, env, MID)).toEqual({ ok: true, value: { words: 'Tallulah' } });
    expect(openValue(keyFor, place, env)).toEqual({ ok: true, value: { words: 'Tallulah' } });
    for (const elsewhere of [
      { entityId: 'p2' },
      { field: 'last_name' },
      { caseId: 'c2' },
      { caseId: null },
      { entity: 'referral' },
      { organisationId: '01900000-0000-7000-8000-00000000cccc' },
    ]) {
      expect(openValue(keyFor, { ...place, ...elsewhere }, env)).toEqual({ ok: false, why: 'altered' });
    }
    expect(openValue(keyFor, place, env, '01900000-0000-7000-8000-00000000dddd')).toEqual({ ok: false, why: 'moved' });
    expect(openValue(keyFor, place, { ...env, mid: '01900000-0000-7000-8000-00000000dddd' })).toEqual({
      ok: false,
      why: 'altered',
    });
    expect(openValue(keyFor, place, { ...env, m: 'AAAAAAAAAAAAAAAAAAAAAA' })).toEqual({ ok: false, why: 'altered' });
    expect(openValue(keyFor, place, { ...env, ep: 2 })).toEqual({ ok: false, why: 'unknown_epoch' });
    expect(openValue(() => deriveValueKeys(ORG, 1, randomBytes(32)), place, env)).toEqual({
      ok: false,
      why: 'altered',
    });
    expect(openValue(keyFor, place, 'Tallulah')).toEqual({ ok: false, why: 'plain' });
    expect(openValue(keyFor, place, { $e2e: 1, c: 'x' })).toEqual({ ok: false, why: 'malformed' });
  });

  it('gives the same MAC to the same value at the same place, whatever the key order, and a new nonce each time', () => {
    const a = sealValue(k1, place, MID, { b: 1, a: [2, 'x'] });
    const b = sealValue(k1, place, '01900000-0000-7000-8000-00000000eeee', { a: [2, 'x'], b: 1 });
    expect(a.m).toBe(b.m);
    expect(a.n).not.toBe(b.n);
    expect(a.c).not.toBe(b.c);
    expect(sealValue(k1, place, MID, { b: 2, a: [2, 'x'] }).m).not.toBe(a.m);
    expect(sealValue(k1, { ...place, entityId: 'p2' }, MID, { b: 1, a: [2, 'x'] }).m).not.toBe(a.m);
    expect(sealValue(deriveValueKeys(ORG, 2, randomBytes(32)), place, MID, { b: 1, a: [2, 'x'] }).m).not.toBe(a.m);
  });

  it('seals null, so a cleared field looks like any other', () => {
    const env = sealValue(k1, place, MID, null);
    expect(isEnvelope(env)).toBe(true);
    expect(openValue(keyFor, place, env)).toEqual({ ok: true, value: null });
  });

  it('refuses envelopes with unknown keys, wrong sizes or characters outside base64url', () => {
    const env = sealValue(k1, place, MID, 'x');
    expect(isEnvelope(env)).toBe(true);
    const { c: _c, ...withoutC } = env;
    for (const bad of [
      { ...env, extra: 1 },
      withoutC,
      { ...env, n: `${env.n}A` },
      { ...env, m: env.m.slice(1) },
      { ...env, c: `${env.c}=` },
      { ...env, c: 'AAAA' },
      { ...env, ep: 0 },
      { ...env, ep: 1.5 },
      { ...env, ep: '1' },
      { ...env, $e2e: 2 },
      { ...env, mid: 'not-a-uuid' },
      [env],
      null,
      'x',
    ]) {
      expect(isEnvelope(bad)).toBe(false);
      // The hand-written check and the schema agree.
      expect(envelopeSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('padding before sealing (attack finding 9)', () => {
  const sizeOf = (v: unknown) => sealValue(k1, place, MID, v).c.length;

  it('gives short coded values ciphertexts of equal length, so their length does not tell them apart', () => {
    const coded: unknown[] = [
      'high',
      'standard',
      true,
      false,
      'open',
      'closed',
      'awaiting_allocation',
      'young_person',
      'professional',
      'CIC',
      'CL',
      null,
    ];
    const sizes = new Set(coded.map(sizeOf));
    expect(sizes.size).toBe(1);
  });

  it('still opens to the very value sealed, and equal values keep equal MACs', () => {
    for (const v of ['high', { b: 1, a: ['x', null] }, 'é'.repeat(300), 42]) {
      const e = sealValue(k1, place, MID, v);
      expect(openValue(keyFor, place, e, MID)).toEqual({ ok: true, value: v });
      expect(sealValue(k1, place, MID, v).m).toBe(e.m);
    }
  });

  it('pads longer text to buckets: notes a few characters apart share a length', () => {
    expect(sizeOf('a'.repeat(300))).toBe(sizeOf('a'.repeat(500)));
    expect(sizeOf('a'.repeat(40))).toBe(sizeOf('a'.repeat(60)));
    expect(sizeOf('a'.repeat(40))).toBeLessThan(sizeOf('a'.repeat(300)));
  });

  it('never pads past what an envelope may carry', () => {
    const big = 'a'.repeat(MAX_VALUE_BYTES - 2);
    expect(isEnvelope(sealValue(k1, place, MID, big))).toBe(true);
  });
});
