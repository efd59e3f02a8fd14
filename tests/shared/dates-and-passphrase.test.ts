import { describe, expect, it } from 'vitest';
import { formatUkDate, isIsoDate, parseUkDate } from '../../shared/domain/dates';
import { assessPassphrase } from '../../shared/domain/passphrase';

describe('UK dates', () => {
  it('shows ISO dates as dd/mm/yyyy and reads them back', () => {
    expect(formatUkDate('2026-03-07')).toBe('07/03/2026');
    expect(parseUkDate('7/3/2026')).toBe('2026-03-07');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('passphrase strength', () => {
  it('needs 12 characters and refuses guessable phrases', () => {
    expect(assessPassphrase('Tr0ub4dor&3').acceptable).toBe(false);
    expect(assessPassphrase('password1234').acceptable).toBe(false);
    expect(assessPassphrase('advocacy2026!').acceptable).toBe(false);
    const good = assessPassphrase('orange kettle mountain violin');
    expect(good.acceptable).toBe(true);
    expect(good.score).toBeGreaterThanOrEqual(3);
  });
});
