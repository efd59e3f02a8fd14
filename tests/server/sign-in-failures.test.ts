import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../server/sync/device-limits';
import { SignInFailures } from '../../server/sync/sign-in-failures';

const MIN = 60_000;

describe('refused sign-ins counted per address', () => {
  it('turns an address away once its refusals are spent, and lets it back as they refill', () => {
    const f = new SignInFailures({ burst: 3, perMinute: 1 });
    for (let i = 0; i < 3; i++) {
      f.check('203.0.113.7', 0);
      f.record('203.0.113.7', 0);
    }
    expect(() => f.check('203.0.113.7', 0)).toThrow(RateLimitedError);
    f.check('198.51.100.9', 0);
    expect(() => f.check('203.0.113.7', MIN + 1)).not.toThrow();
  });

  it('summarises each address once its ten-minute window ends, with how many were refused and turned away', () => {
    const f = new SignInFailures({ burst: 1, perMinute: 1 });
    f.record('203.0.113.7', 0);
    expect(() => f.check('203.0.113.7', 0)).toThrow(RateLimitedError);
    expect(f.drain(5 * MIN)).toEqual([]);
    const [s] = f.drain(11 * MIN);
    expect(s).toMatchObject({ address: '203.0.113.7', refused: 1, turnedAway: 1 });
    expect(f.drain(30 * MIN, true)).toEqual([]);
  });

  it('remembers at most 10,000 addresses: past that the oldest are summarised early', () => {
    const f = new SignInFailures({ burst: 5, perMinute: 5 });
    for (let i = 0; i < 10_005; i++) f.record(`10.0.${Math.floor(i / 256)}.${i % 256}`, i);
    const early = f.drain(10_005);
    expect(early.map((s) => s.address)).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']);
    expect(f.drain(20 * MIN, true)).toHaveLength(10_000);
  });
});
