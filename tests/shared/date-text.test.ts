import { describe, expect, it } from 'vitest';
import { dateForField, parseDateText, readDate, readTime } from '../../shared/domain/date-text';

const today = '2026-12-06';
const iso = (text: string) => {
  const r = readDate(text, today);
  return r.ok ? r.iso : `refused (${r.code}): ${r.message}`;
};

describe('reading a typed date', () => {
  it('reads the ways UK offices type a date, day first', () => {
    for (const text of [
      '01/12/2026',
      '1/12/2026',
      '1/12/26',
      '01.12.2026',
      '1.12.26',
      '01-12-2026',
      '1 12 2026',
      ' 01/12/2026 ',
      '01122026',
    ]) {
      expect(iso(text), text).toBe('2026-12-01');
    }
  });

  it('reads ISO dates and written months', () => {
    for (const text of [
      '2026-12-01',
      '2026/12/01',
      '1 Dec 2026',
      '1 dec 2026',
      '1 December 2026',
      '1st December 2026',
      '01-Dec-26',
      '1-Dec-2026',
      'Dec 1, 2026',
      'December 1st 2026',
      '1 Dec. 2026',
    ]) {
      expect(iso(text), text).toBe('2026-12-01');
    }
    expect(iso('3 Sept 2025')).toBe('2025-09-03');
    expect(iso('29/02/2024')).toBe('2024-02-29');
    expect(iso('today')).toBe(today);
  });

  it('puts a two-digit year in this century unless that is more than ten years ahead', () => {
    expect(iso('14/03/11')).toBe('2011-03-14');
    expect(iso('14/03/36')).toBe('2036-03-14');
    expect(iso('14/03/40')).toBe('1940-03-14');
  });

  it('reads an ambiguous day and month the UK way: 05/06 is the 5th of June', () => {
    expect(iso('05/06/2026')).toBe('2026-06-05');
  });

  it('refuses a day that does not exist, saying why, instead of moving it into the next month', () => {
    const r = readDate('31/02/2026', today);
    expect(r).toEqual({ ok: false, code: 'no_such_day', message: '31/02 is not a date: February 2026 has 28 days.' });
    expect(iso('29/02/2025')).toMatch(/^refused \(no_such_day\): 29\/02 is not a date: February 2025 has 28 days/);
    expect(iso('31/04/2026')).toMatch(/April 2026 has 30 days/);
    expect(iso('00/04/2026')).toMatch(/no_such_day/);
    expect(iso('2026-02-30')).toMatch(/no_such_day/);
  });

  it('refuses a US-style date, month first, and shows the day-first form', () => {
    const r = readDate('12/31/2026', today);
    expect(r).toEqual({
      ok: false,
      code: 'month_first',
      message: 'This looks like the month first, as in the US. Put the day first: 31/12/2026.',
    });
    expect(iso('2026-31-12')).toMatch(/no_such_month/);
    expect(iso('40/40/2026')).toMatch(/no_such_month/);
  });

  it('refuses text that is not a date and years out of range', () => {
    for (const text of [
      '',
      '   ',
      'soon',
      '1/12',
      '12/2026',
      '1/12/202',
      'Smarch 1 2026',
      '32 Dec 2026',
      '1 Dec',
      '2026-12-1x',
    ]) {
      expect(readDate(text, today).ok, text).toBe(false);
    }
    expect(iso('1/12/1850')).toMatch(/year_range/);
    expect(iso('foo')).toBe('refused (unrecognised): Type the date as dd/mm/yyyy, for example 07/03/2026.');
  });

  it("applies the field's limits with the field's own words", () => {
    const rules = { today, notAfter: { iso: today, message: "A date of birth can't be in the future." } };
    expect(parseDateText('07/12/2026', rules)).toEqual({
      ok: false,
      code: 'rule',
      message: "A date of birth can't be in the future.",
    });
    expect(parseDateText('06/12/2026', rules)).toEqual({ ok: true, iso: '2026-12-06' });
    const after = parseDateText('01/01/2026', {
      today,
      notBefore: { iso: '2026-02-01', message: 'The closure date is before the referral date.' },
    });
    expect(after).toEqual({ ok: false, code: 'rule', message: 'The closure date is before the referral date.' });
    // A date that is not real is refused for that reason, before any limit.
    expect(parseDateText('31/02/2027', rules)).toMatchObject({ ok: false, code: 'no_such_day' });
  });

  it('shows a stored date in the field as dd/mm/yyyy, and nothing for no date', () => {
    expect(dateForField('2026-03-07')).toBe('07/03/2026');
    expect(dateForField('2026-03-07T14:30:00.000Z')).toBe('07/03/2026');
    expect(dateForField(null)).toBe('');
    expect(dateForField('junk')).toBe('');
  });
});

describe('reading a typed time', () => {
  it('reads the 24-hour clock and the usual shorthands', () => {
    const t = (text: string) => {
      const r = readTime(text);
      return r.ok ? r.time : r.message;
    };
    expect(t('14:30')).toBe('14:30');
    expect(t('14.30')).toBe('14:30');
    expect(t('1430')).toBe('14:30');
    expect(t('9:05')).toBe('09:05');
    expect(t('9')).toBe('09:00');
    expect(t('00:00')).toBe('00:00');
    expect(t('2:30pm')).toBe('14:30');
    expect(t('12am')).toBe('00:00');
    expect(t('12:15 pm')).toBe('12:15');
    expect(t('25:00')).toBe('There is no hour 25: the 24-hour clock runs from 00:00 to 23:59.');
    expect(t('14:75')).toBe('There is no minute 75: minutes run from 00 to 59.');
    expect(t('13pm')).toMatch(/no 13 o'clock pm/);
    expect(t('half two')).toBe('Type the time on the 24-hour clock as hh:mm, for example 14:30.');
  });
});
