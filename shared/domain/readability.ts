/**
 * Flesch reading ease, to help an advocate keep a young person's statement plain. Higher is easier:
 * 90+ suits an 11-year-old, 60–70 is plain English, below 50 is hard going for most teenagers.
 * The syllable count is the usual English heuristic; other languages get a rough figure only.
 */
export interface Readability {
  score: number;
  words: number;
  sentences: number;
  syllables: number;
  band: ReadabilityBand;
}

export type ReadabilityBand = 'very_easy' | 'easy' | 'fairly_easy' | 'plain' | 'fairly_hard' | 'hard' | 'very_hard';

export const readabilityBandLabels: Record<ReadabilityBand, string> = {
  very_easy: 'Very easy to read',
  easy: 'Easy to read',
  fairly_easy: 'Fairly easy to read',
  plain: 'Plain English',
  fairly_hard: 'Fairly hard to read',
  hard: 'Hard to read',
  very_hard: 'Very hard to read',
};

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 1;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 0);
}

export function countSentences(text: string): number {
  return text
    .split(/[.!?]+|\n+/)
    .map((s) => s.trim())
    .filter((s) => HAS_WORD.test(s)).length;
}

export function bandFor(score: number): ReadabilityBand {
  if (score >= 90) return 'very_easy';
  if (score >= 80) return 'easy';
  if (score >= 70) return 'fairly_easy';
  if (score >= 60) return 'plain';
  if (score >= 50) return 'fairly_hard';
  if (score >= 30) return 'hard';
  return 'very_hard';
}

/** Null when there is nothing to score yet. */
export function fleschReadingEase(text: string): Readability | null {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return null;
  const sentences = Math.max(1, countSentences(text));
  const syllables = words.reduce((n, w) => n + countSyllables(w), 0);
  const raw = 206.835 - 1.015 * (words.length / sentences) - 84.6 * (syllables / words.length);
  const score = Math.round(Math.min(100, Math.max(0, raw)));
  return { score, words: words.length, sentences, syllables, band: bandFor(score) };
}
