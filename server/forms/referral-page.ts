import { intakeAad, intakeInfo } from '../../shared/intake/online-forms';
import type { IntakeKey } from './intake-store';
import { HONEYPOT, NOSCRIPT, esc, input, page, radios } from './page-shell';

/**
 * The public referral page: plain words for social workers, carers, foster carers and young
 * people themselves; it asks only what a manager needs to decide who sees the young person and
 * how soon. Inputs carry no `name`, so without the script nothing could be posted in the clear.
 */
export function referralPage(organisationId: string, key: IntakeKey): string {
  const org = esc(key.organisationName);
  const body = `
<h1>Ask for an advocate</h1>
<p class="lead">${org} gives children and young people an independent advocate.</p>
<section aria-labelledby="what">
<h2 id="what">What is an advocate?</h2>
<p>An advocate is on the young person's side. They listen, help the young person say what they want, and make sure the adults making decisions hear it. They do not work for the council.</p>
<p>What the young person tells their advocate stays private, unless someone may be at risk of harm.</p>
</section>
<section aria-labelledby="next">
<h2 id="next">What happens next</h2>
<ol>
<li>You fill in this form. It takes about five minutes.</li>
<li>You get a reference number. Keep it if you want to ask about the referral.</li>
<li>A manager at ${org} reads it, usually within two working days, and gives the young person an advocate.</li>
<li>The advocate gets in touch, in the way you tell us is safe.</li>
</ol>
<p>Your answers are locked on this device before they are sent. Only ${org} can unlock them. Nothing you send is shown on this website again.</p>
<p>If a child is in danger now, call 999. This form is not for emergencies.</p>
</section>
${NOSCRIPT}
<form id="referral-form" novalidate data-organisation="${esc(organisationId)}" data-epoch="${key.epoch}" data-key="${esc(key.publicKey)}" data-info="${esc(intakeInfo(organisationId, 'referral'))}" data-aad="${esc(intakeAad(null))}" data-post="/v1/public/referrals/${esc(organisationId)}">
<div class="alert" id="form-errors" role="alert" tabindex="-1" hidden></div>
<h2>About you</h2>
${radios('referrerRole', 'Who are you?', [
  { value: 'young_person', label: 'I am the young person' },
  { value: 'social_worker', label: 'Social worker' },
  { value: 'foster_carer', label: 'Foster carer' },
  { value: 'carer', label: "Carer or keyworker (for example in a children's home)" },
  { value: 'parent', label: 'Parent' },
  { value: 'other', label: 'Someone else' },
])}
<p class="error" id="referrerRole-error" hidden></p>
${input('referrerName', 'Your name', { autocomplete: 'name', max: 200 })}
${input('referrerContact', 'Your phone number or email', { hint: 'So the manager can ask you a question. Young people can leave this empty.', autocomplete: 'email', max: 300 })}
<h2>About the young person</h2>
${input('firstName', 'First name', { required: true, max: 200 })}
${input('lastName', 'Last name', { max: 200 })}
${input('preferredName', 'The name they like to be called', { max: 200 })}
${input('dateOfBirth', 'Date of birth', { type: 'date', hint: 'For example 27 3 2012. Leave it empty if you do not know.' })}
${input('localAuthority', 'Which council looks after them or supports them?', { hint: 'For example Medway Council', max: 200 })}
${radios('situation', 'Which of these fits best?', [
  { value: 'in_care', label: 'In care (looked after)' },
  { value: 'care_leaver', label: 'Care leaver' },
  { value: 'child_protection', label: 'Child protection plan' },
  { value: 'child_in_need', label: 'Child in need plan' },
  { value: 'homeless', label: 'Aged 16 or 17 and homeless' },
  { value: 'not_sure', label: 'Not sure' },
])}
${input('communication', 'Anything that helps them talk to us', { long: true, hint: 'For example a disability, a way of communicating, or things that make them anxious', max: 2000 })}
${input('interpreterLanguage', 'Do they need an interpreter? Which language?', { max: 100 })}
<h2>What they want help with</h2>
${input('request', 'What would they like an advocate to help with?', { long: true, required: true, hint: 'In their words if you can', max: 5000 })}
${radios('urgent', 'Is there a date soon, like a meeting or a move?', [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
])}
${input('urgentWhy', 'If yes, what is happening and when?', { long: true, max: 2000 })}
${radios(
  'knowsAboutReferral',
  'Does the young person know about this referral and want an advocate?',
  [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
    { value: 'not_sure', label: 'Not sure' },
  ],
  'An advocate will always ask the young person first.',
)}
${input('contactYoungPerson', 'How can the advocate contact the young person safely?', { long: true, hint: 'For example through their foster carer, at school, or a mobile number', max: 1000 })}
${HONEYPOT}
<button type="submit" id="send">Send referral</button>
<p class="status" id="sending" role="status" aria-live="polite"></p>
</form>
<section id="sent" hidden tabindex="-1" aria-labelledby="sent-title">
<h2 id="sent-title">Referral sent</h2>
<p>Thank you. Your reference number is <strong id="reference"></strong>.</p>
<p>Keep this number. A manager at ${org} will read the referral, usually within two working days.</p>
</section>`;
  return page(`Ask for an advocate - ${key.organisationName}`, body, 'referral.js');
}
