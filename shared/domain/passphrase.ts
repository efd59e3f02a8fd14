import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_PASSPHRASE_LENGTH = 12;

/** zxcvbn score 0–4; we accept 3 ("safely unguessable") and above. */
export const MIN_PASSPHRASE_SCORE = 3;

let checker: ZxcvbnFactory | null = null;
const getChecker = (): ZxcvbnFactory =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

export interface PassphraseAssessment {
  /** 0 (very weak) to 4 (very strong), for the strength meter. */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** Plain-words reason it is not acceptable, or a hint to make it stronger. */
  feedback: string;
}

export function assessPassphrase(passphrase: string, context: string[] = []): PassphraseAssessment {
  const length = [...passphrase].length;
  // zxcvbn is costly on very long inputs and gains nothing past ~100 characters.
  const result = getChecker().check(passphrase.slice(0, 100), ['heard', 'advocacy', 'advocate', ...context]);
  const score = result.score as PassphraseAssessment['score'];
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: Math.min(score, 1) as PassphraseAssessment['score'],
      acceptable: false,
      feedback: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A few unrelated words work well.`,
    };
  }
  if (score < MIN_PASSPHRASE_SCORE) {
    const hint = result.feedback.warning || result.feedback.suggestions[0] || 'Add another unrelated word.';
    return { score, acceptable: false, feedback: `This passphrase would be too easy to guess. ${hint}` };
  }
  return { score, acceptable: true, feedback: score === 4 ? 'Strong passphrase.' : 'Good passphrase.' };
}
