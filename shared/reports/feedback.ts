import type { Period } from './period';
import { inPeriod } from './period';
import { percent } from './rounding';

/**
 * The feedback forms offered when a case closes: one for the young person (three smiley-face
 * questions and "what could we do better?") and one for professionals and parents.
 */
export const feedbackFormKinds = ['young_person', 'professional'] as const;
export type FeedbackFormKind = (typeof feedbackFormKinds)[number];

/** Three faces, which young children can answer without reading a scale. */
export const smileyAnswers = ['happy', 'ok', 'sad'] as const;
export type SmileyAnswer = (typeof smileyAnswers)[number];

export const smileyLabels: Record<SmileyAnswer, string> = { happy: 'Yes', ok: 'A bit / not sure', sad: 'No' };

export const youngPersonQuestions = ['listened_to', 'things_changed', 'use_again'] as const;
export type YoungPersonQuestion = (typeof youngPersonQuestions)[number];

export const professionalQuestions = ['voice_heard', 'kept_informed', 'recommend'] as const;
export type ProfessionalQuestion = (typeof professionalQuestions)[number];

export const questionLabels: Record<YoungPersonQuestion | ProfessionalQuestion, string> = {
  listened_to: 'Did you feel listened to?',
  things_changed: 'Did things change?',
  use_again: 'Would you use us again?',
  voice_heard: "Did the advocate help the young person's views to be heard?",
  kept_informed: 'Were you kept informed and contacted in good time?',
  recommend: 'Would you refer someone to us or recommend us?',
};

/** Who filled in the professionals' and parents' form. */
export const respondentRoles = ['social_worker', 'parent', 'carer', 'iro', 'teacher', 'other'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

export const respondentRoleLabels: Record<RespondentRole, string> = {
  social_worker: 'Social worker',
  parent: 'Parent',
  carer: 'Foster carer or keyworker',
  iro: 'Independent reviewing officer',
  teacher: 'Teacher or school',
  other: 'Other',
};

/** One received form, as the report needs it. */
export interface FeedbackFormRecord {
  kind: FeedbackFormKind;
  /** The date the form was received (ISO). */
  received_date: string;
  respondent_role: RespondentRole | null;
  answers: Partial<Record<YoungPersonQuestion | ProfessionalQuestion, SmileyAnswer | null>>;
  /** Whether "what could we do better?" was answered; the words themselves stay out of the figures. */
  has_comment: boolean;
}

export interface AnswerSummary {
  happy: number;
  ok: number;
  sad: number;
  notAnswered: number;
  /** Share of answers that were "happy", of those answered; null when nobody answered. */
  percentPositive: number | null;
}

export interface FeedbackSummary {
  received: Record<FeedbackFormKind, number>;
  youngPerson: Record<YoungPersonQuestion, AnswerSummary>;
  professional: Record<ProfessionalQuestion, AnswerSummary>;
  professionalByRole: Record<RespondentRole, number>;
  withComments: number;
}

export function summariseFeedback(forms: readonly FeedbackFormRecord[], period: Period): FeedbackSummary {
  const inside = forms.filter((f) => inPeriod(f.received_date, period));
  const young = inside.filter((f) => f.kind === 'young_person');
  const prof = inside.filter((f) => f.kind === 'professional');
  const byRole = Object.fromEntries(respondentRoles.map((r) => [r, 0])) as Record<RespondentRole, number>;
  for (const f of prof) byRole[f.respondent_role ?? 'other'] += 1;
  return {
    received: { young_person: young.length, professional: prof.length },
    youngPerson: Object.fromEntries(
      youngPersonQuestions.map((q) => [q, summariseAnswers(young, q)]),
    ) as FeedbackSummary['youngPerson'],
    professional: Object.fromEntries(
      professionalQuestions.map((q) => [q, summariseAnswers(prof, q)]),
    ) as FeedbackSummary['professional'],
    professionalByRole: byRole,
    withComments: inside.filter((f) => f.has_comment).length,
  };
}

function summariseAnswers(
  forms: readonly FeedbackFormRecord[],
  q: YoungPersonQuestion | ProfessionalQuestion,
): AnswerSummary {
  const s = { happy: 0, ok: 0, sad: 0, notAnswered: 0 };
  for (const f of forms) {
    const a = f.answers[q];
    if (a === 'happy' || a === 'ok' || a === 'sad') s[a] += 1;
    else s.notAnswered += 1;
  }
  return { ...s, percentPositive: percent(s.happy, s.happy + s.ok + s.sad) };
}
