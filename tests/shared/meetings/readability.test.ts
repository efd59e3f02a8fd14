import { describe, expect, it } from 'vitest';
import { countSyllables, fleschReadingEase, readabilityBandLabels } from '../../../shared/domain/readability';

describe('Flesch reading ease', () => {
  it('counts syllables the way a reader would for common words', () => {
    expect(countSyllables('cat')).toBe(1);
    expect(countSyllables('happy')).toBe(2);
    expect(countSyllables('worried')).toBe(2);
    expect(countSyllables('table')).toBe(2);
    expect(countSyllables('time')).toBe(1);
    expect(countSyllables('conference')).toBe(3);
    expect(countSyllables('independent')).toBe(4);
  });

  it('scores a child’s short sentences as easy and professional jargon as hard', () => {
    const child = fleschReadingEase('I like my school. I want to see my mum more. I am sad at night.');
    const jargon = fleschReadingEase(
      'The multi-agency safeguarding arrangements necessitate comprehensive consideration of the accommodation alternatives identified through the assessment.',
    );
    expect(child!.score).toBeGreaterThanOrEqual(90);
    expect(child!.band).toBe('very_easy');
    expect(jargon!.score).toBeLessThan(30);
    expect(readabilityBandLabels[jargon!.band]).toBe('Very hard to read');
  });

  it('matches the published formula on a worked example', () => {
    // 13 words in 2 sentences, each word one syllable bar none: the formula applied by hand.
    const r = fleschReadingEase('The cat sat on the mat. The dog ran to the big park.');
    expect(r).toMatchObject({ words: 13, sentences: 2 });
    const expected = 206.835 - 1.015 * (13 / 2) - 84.6 * (r!.syllables / 13);
    expect(r!.score).toBe(Math.round(Math.min(100, expected)));
  });

  it('counts a line without a full stop as a sentence and returns null for no words', () => {
    expect(fleschReadingEase('I want to go home\nI miss my dog')!.sentences).toBe(2);
    expect(fleschReadingEase('   ... !! ')).toBeNull();
  });

  it('keeps the score between 0 and 100', () => {
    expect(fleschReadingEase('Go.')!.score).toBeLessThanOrEqual(100);
    expect(fleschReadingEase('Institutionalisation internationalisation characterisation')!.score).toBe(0);
  });
});
