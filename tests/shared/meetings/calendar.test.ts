import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayName,
  monthGrid,
  monthTitle,
  weekDays,
  whenFromToday,
} from '../../../shared/domain/meetings-calendar';
import {
  sameWords,
  sectionsFromTemplate,
  statementPlainText,
  statementTemplates,
} from '../../../shared/domain/meetings-templates';

describe('calendar dates', () => {
  it('starts weeks on Monday and crosses the clocks changing without losing a day', () => {
    expect(weekDays('2026-03-29')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(dayName('2026-03-29')).toBe('Sunday');
  });

  it('covers a whole month in whole weeks', () => {
    const grid = monthGrid('2026-02-14');
    expect(grid[0]![0]).toBe('2026-01-26');
    expect(grid.at(-1)!.at(-1)).toBe('2026-03-01');
    expect(grid.flat()).toContain('2026-02-28');
    expect(monthTitle('2026-02-14')).toBe('February 2026');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
  });

  it('says when a meeting is in words', () => {
    expect(whenFromToday('2026-05-01', '2026-05-01')).toBe('today');
    expect(whenFromToday('2026-05-01', '2026-05-02')).toBe('tomorrow');
    expect(whenFromToday('2026-05-01', '2026-05-04')).toBe('in 3 days');
  });
});

describe('statement templates', () => {
  it('offers the four questions from the issue', () => {
    const sections = sectionsFromTemplate(statementTemplates[0]!);
    expect(sections.map((s) => s.prompt)).toEqual([
      'What is going well',
      'What I am worried about',
      'What I want to happen',
      'Questions I want to ask',
    ]);
  });

  it('treats spaces at the ends as the same words but any other change as different', () => {
    const a = [{ key: 'a', prompt: 'Worries', text: 'I miss my brother' }];
    expect(sameWords(a, [{ key: 'a', prompt: 'Worries', text: ' I miss my brother ' }])).toBe(true);
    expect(sameWords(a, [{ key: 'a', prompt: 'Worries', text: 'I miss my sister' }])).toBe(false);
  });

  it('gives the readability text full sentences', () => {
    expect(statementPlainText([{ key: 'a', prompt: 'Wishes', text: 'To stay here' }])).toBe('Wishes. To stay here.');
  });
});
