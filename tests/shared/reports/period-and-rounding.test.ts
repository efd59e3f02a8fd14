import { describe, expect, it } from 'vitest';
import { ageBandOf, ageOn, daysBetween } from '../../../shared/reports/age';
import { customPeriod, parseQuarter, previousQuarter, quarterOf } from '../../../shared/reports/period';
import { median, percent } from '../../../shared/reports/rounding';

describe('periods', () => {
  it('turns "2026-Q2" into calendar dates, including the last day of each quarter', () => {
    expect(parseQuarter('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parseQuarter('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(parseQuarter('2026-q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(parseQuarter('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
  it('refuses what is not a quarter', () => {
    expect(parseQuarter('2026-Q5')).toBeNull();
    expect(parseQuarter('Q2 2026')).toBeNull();
    expect(customPeriod('2026-06-30', '2026-04-01')).toBeNull();
    expect(customPeriod('2026-02-30', '2026-04-01')).toBeNull();
    expect(customPeriod('2026-04-01', '2027-03-31')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });
  it('knows the quarter a date is in and the one before', () => {
    expect(quarterOf('2026-06-30')).toBe('2026-Q2');
    expect(previousQuarter('2026-02-10')).toBe('2025-Q4');
    expect(previousQuarter('2026-11-22')).toBe('2026-Q3');
  });
});

describe('ages', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2010-05-01', '2026-05-01')).toBe(16);
    expect(ageOn('2010-05-01', '2026-04-30')).toBe(15);
  });
  it('gives leap-day births their birthday on 1 March in other years, and 29 February in leap years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
  });
  it('has no age for a missing date of birth or one after the referral', () => {
    expect(ageOn(null, '2026-01-01')).toBeNull();
    expect(ageOn('2027-01-01', '2026-01-01')).toBeNull();
    expect(ageOn('2010-02-30', '2026-01-01')).toBeNull();
    expect(ageOn('2011-02-29', '2026-01-01')).toBeNull();
  });
  it('puts each boundary age in the right band', () => {
    expect([0, 10, 11, 15, 16, 17, 18, 21, 22, 25, 26].map(ageBandOf)).toEqual([
      '0-10',
      '0-10',
      '11-15',
      '11-15',
      '16-17',
      '16-17',
      '18-21',
      '18-21',
      '22-25',
      '22-25',
      '26+',
    ]);
  });
  it('counts days across month ends and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the clocks going forward
  });
});

describe('rounding', () => {
  it('gives percentages to one decimal place, halves rounded up', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 16)).toBe(6.3);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(33, 69)).toBe(47.8);
    expect(percent(0, 0)).toBeNull();
  });
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 0, 5, 2])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});
