import { intakeAad, intakeInfo, type FeedbackAudience } from '../../shared/intake/online-forms';
import {
  questionLabels,
  smileyLabels,
  type ProfessionalQuestion,
  type YoungPersonQuestion,
} from '../../shared/reports/feedback';
import type { IntakeKey } from './intake-store';
import { HONEYPOT, NOSCRIPT, esc, input, messagePage, page, radios } from './page-shell';

/** The faces a young child can answer without reading a scale (the same three as the paper form). */
const FACES = [
  { value: 'happy', label: smileyLabels.happy, face: '😀' },
  { value: 'ok', label: smileyLabels.ok, face: '😐' },
  // U+2639: in the common text fonts too, so it shows where no colour emoji font is installed.
  { value: 'sad', label: smileyLabels.sad, face: '☹' },
];

const YOUNG: Record<YoungPersonQuestion, string> = {
  listened_to: 'listenedTo',
  things_changed: 'thingsChanged',
  use_again: 'useAgain',
};
const OTHERS: Record<ProfessionalQuestion, string> = {
  voice_heard: 'voiceHeard',
  kept_informed: 'keptInformed',
  recommend: 'recommend',
};

/** A one-time feedback form for one case, sealed in the browser like the referral form. */
export function feedbackPage(
  link: { id: string; organisationId: string; caseId: string; audience: FeedbackAudience },
  key: IntakeKey,
  token: string,
): string {
  const young = link.audience === 'young_person';
  const questions = Object.entries(young ? YOUNG : OTHERS) as [YoungPersonQuestion | ProfessionalQuestion, string][];
  const role =
    link.audience === 'professional'
      ? radios('respondentRole', 'Your role', [
          { value: 'social_worker', label: 'Social worker' },
          { value: 'iro', label: 'Independent reviewing officer' },
          { value: 'teacher', label: 'Teacher or school' },
          { value: 'other', label: 'Other' },
        ])
      : '';
  const body = `
<h1>${young ? 'Tell us what you thought' : 'Your feedback on our advocacy'}</h1>
<p class="lead">${esc(key.organisationName)} would like to know how it went. It takes two minutes. You can skip any question.</p>
<p>Your answers are locked on this device before they are sent. This link works once.</p>
${NOSCRIPT}
<form id="feedback-form" class="${young ? 'faces' : ''}" novalidate data-epoch="${key.epoch}" data-key="${esc(key.publicKey)}" data-info="${esc(intakeInfo(link.organisationId, 'feedback'))}" data-aad="${esc(intakeAad(link))}" data-post="/v1/public/feedback/${esc(token)}" data-audience="${link.audience}">
<div class="alert" id="form-errors" role="alert" tabindex="-1" hidden></div>
${role}
${questions.map(([q, name]) => radios(name, questionLabels[q], FACES)).join('\n')}
${input('comment', young ? 'What could we do better?' : 'What could we do better? Anything else?', { long: true, max: 5000 })}
<div class="choice"><input type="checkbox" id="mayQuote" data-field="mayQuote"><label for="mayQuote">You may quote what I wrote, without my name</label></div>
${HONEYPOT}
<button type="submit" id="send">Send</button>
<p class="status" id="sending" role="status" aria-live="polite"></p>
</form>
<section id="sent" hidden tabindex="-1" aria-labelledby="sent-title">
<h2 id="sent-title">Thank you</h2>
<p>Your answers have been sent. This link will not work again.</p>
</section>`;
  return page(`Feedback - ${key.organisationName}`, body, 'feedback.js');
}

export const usedLinkPage = () =>
  messagePage('This feedback link has already been used', [
    'Someone has already sent answers with this link, so it cannot be used again.',
    'If you want to add something, please contact the advocacy service and ask for a new link.',
  ]);

export const expiredLinkPage = () =>
  messagePage('This feedback link has expired', [
    'Feedback links work for 30 days. This one is older than that.',
    'If you still want to tell us what you thought, please contact the advocacy service and ask for a new link.',
  ]);

export const unknownLinkPage = () =>
  messagePage('This link does not work', [
    'Please check you copied the whole link. If it still does not work, contact the advocacy service and ask for a new one.',
  ]);

export const noReferralsPage = () =>
  messagePage('Online referrals are not open', [
    'This service is not taking referrals online at the moment.',
    'Please phone or email the advocacy service to make a referral.',
  ]);
