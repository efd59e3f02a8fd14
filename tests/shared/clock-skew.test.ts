import { describe, expect, it } from 'vitest';
import { clockSkewFlag, clockSkewWarning, describeOffset } from '../../shared/sync/clock-skew';

const H = 60 * 60 * 1000;

describe('flagging a clock more than a day off', () => {
  it('says nothing within a day either way, including exactly a day', () => {
    expect(clockSkewWarning(null)).toBeNull();
    expect(clockSkewWarning(0)).toBeNull();
    expect(clockSkewWarning(23 * H)).toBeNull();
    expect(clockSkewWarning(-24 * H)).toBeNull();
  });

  it('says which way and by how much once it is more than a day', () => {
    expect(clockSkewWarning(24 * H + 60_000)).toMatch(/^This computer's clock is 1 day ahead of the service's\./);
    expect(clockSkewWarning(-3 * 24 * H)).toMatch(/clock is 3 days behind the service's\..*Sync goes on working/);
    expect(clockSkewFlag(-3 * 24 * H)).toBe('CLOCK 3 days behind');
    expect(clockSkewFlag(-24 * H)).toBeNull();
  });

  it('rounds to hours and drops hours once it is a week or more', () => {
    expect(describeOffset(2 * H)).toBe('2 hours');
    expect(describeOffset(-(26 * H + 20 * 60_000))).toBe('1 day and 2 hours');
    expect(describeOffset(48 * H)).toBe('2 days');
    expect(describeOffset(-(9 * 24 * H + 5 * H))).toBe('9 days');
    expect(describeOffset(366 * 24 * H)).toBe('366 days');
  });
});
