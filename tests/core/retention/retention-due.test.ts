import { describe, expect, it } from 'vitest';
import { addYears, retentionDueOn } from '../../../shared/domain/retention';

describe('when a closed case is due for deletion', () => {
  const facts = { closureDate: '2026-06-01', dateOfBirth: '2010-04-02' };

  it('counts years from closure', () => {
    expect(retentionDueOn({ basis: 'closure', years: 6 }, facts)).toEqual({ dueOn: '2032-06-01', ruleUsed: 'closure' });
  });

  it('counts from the 25th birthday', () => {
    expect(retentionDueOn({ basis: 'age25', years: 2 }, facts)).toEqual({ dueOn: '2037-04-02', ruleUsed: 'age25' });
  });

  it('takes whichever is later', () => {
    expect(retentionDueOn({ basis: 'later', years: 6 }, facts)).toEqual({ dueOn: '2041-04-02', ruleUsed: 'age25' });
    expect(
      retentionDueOn({ basis: 'later', years: 6 }, { closureDate: '2040-01-01', dateOfBirth: '2010-04-02' }),
    ).toEqual({ dueOn: '2046-01-01', ruleUsed: 'closure' });
  });

  it('falls back to closure when the date of birth is not known', () => {
    expect(retentionDueOn({ basis: 'age25', years: 0 }, { closureDate: '2026-06-01', dateOfBirth: null })).toEqual({
      dueOn: '2026-06-01',
      ruleUsed: 'closure',
    });
  });

  it('never makes an open case due', () => {
    expect(retentionDueOn({ basis: 'closure', years: 0 }, { closureDate: null, dateOfBirth: '1990-01-01' })).toBeNull();
  });

  it('moves 29 February to 1 March, never earlier', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});
