import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  bankHolidays,
  easterSunday,
  isWorkingDay,
  workingDaysBetween,
} from '../../shared/domain/working-days';

// Published by GOV.UK for England and Wales.
const published: Record<number, string[]> = {
  2012: [
    '2012-01-02',
    '2012-04-06',
    '2012-04-09',
    '2012-05-07',
    '2012-06-04',
    '2012-06-05',
    '2012-08-27',
    '2012-12-25',
    '2012-12-26',
  ],
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2021: [
    '2021-01-01',
    '2021-04-02',
    '2021-04-05',
    '2021-05-03',
    '2021-05-31',
    '2021-08-30',
    '2021-12-27',
    '2021-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
  2026: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  2027: [
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

describe('bank holidays', () => {
  it.each(Object.entries(published))('match the published list for %s', (year, days) => {
    expect(bankHolidays(Number(year))).toEqual(days);
  });

  it('computes Easter for years far from today', () => {
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2100)).toBe('2100-03-28');
  });

  it('keeps working for years no list covers', () => {
    // 2049: Christmas on a Saturday, Boxing Day on a Sunday -> Monday 27 and Tuesday 28.
    expect(bankHolidays(2049)).toContain('2049-12-27');
    expect(bankHolidays(2049)).toContain('2049-12-28');
    expect(isWorkingDay('2049-12-29')).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('knows weekends, holidays and ordinary weekdays', () => {
    expect(isWorkingDay('2026-03-09')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
    expect(isWorkingDay('2020-05-04')).toBe(true); // early May holiday moved to VE Day in 2020
    expect(isWorkingDay('2022-05-30')).toBe(true); // spring holiday moved for the jubilee
  });
});

describe('addWorkingDays', () => {
  it('does not count the day of receipt', () => {
    expect(addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
  });

  it('counts from the next working day when received at a weekend', () => {
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-08', 10)).toBe('2026-03-20');
  });

  it('skips Christmas, the Boxing Day substitute and New Year', () => {
    expect(addWorkingDays('2026-12-17', 10)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('skips substitute days when Christmas and New Year fall at a weekend', () => {
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(addWorkingDays('2021-12-31', 1)).toBe('2022-01-04');
    expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(addWorkingDays('2026-04-01', 3)).toBe('2026-04-08');
    expect(addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
  });

  it('skips one-off days such as the coronation and the state funeral', () => {
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20');
  });

  it('gives Stage 2 due dates that cross Easter and May', () => {
    // 25 working days from Monday 16 March 2026: Good Friday and Easter Monday push it to 22 April.
    expect(addWorkingDays('2026-03-16', 25)).toBe('2026-04-22');
  });

  it('returns the start for zero and can count back', () => {
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(addWorkingDays('2027-01-05', -10)).toBe('2026-12-17');
  });

  it('rejects impossible and malformed dates with a clear error', () => {
    expect(() => addWorkingDays('2026-02-30', 10)).toThrow(/real date/);
    expect(() => addWorkingDays('2026-13-01', 10)).toThrow(/real date/);
    expect(() => addWorkingDays('07/03/2026', 10)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays('tomorrow', 10)).toThrow(/real date/);
    expect(() => isWorkingDay('')).toThrow(/real date/);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(/whole number/);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to the second', () => {
    expect(workingDaysBetween('2026-12-17', '2027-01-05')).toBe(10);
    expect(workingDaysBetween('2027-01-05', '2026-12-17')).toBe(-10);
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
});
