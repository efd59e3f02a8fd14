import { bullets, doc, opening, p, theirWords } from './build';
import type { LetterTemplate } from './types';

/** Letters that start or move a statutory complaint along its stages. */

const sign = p(
  'If you need to talk to me about this letter, please contact me at {{service.name}}. Please write to {{youngPerson.name}} directly as well, in words {{pronoun.they}} can understand, and send me a copy.',
);

/** Where a complaint goes: the council's complaints team, with its address when Heard knows it. */
const complaintsTeam = [
  'Complaints Manager',
  "{{localAuthority}} Children's Services",
  '{{council.complaintsAddress}}',
];

export const stage1Complaint: LetterTemplate = {
  id: 'stage1-complaint',
  title: 'Stage 1 complaint',
  description: "Makes a complaint on behalf of the young person under the children's complaints procedure.",
  recipient: 'Complaints manager at the local authority',
  startsStage: 'stage1',
  formal: true,
  body: doc(
    ...opening(complaintsTeam, 'Complaint on behalf of {{youngPerson.formalName}}'),
    p('Dear Complaints Manager,'),
    p(
      'I am an independent advocate with {{service.name}}. {{youngPerson.formalName}} (date of birth {{youngPerson.dateOfBirth}}) has asked me to help {{pronoun.them}} make a complaint under the Children Act 1989 representations procedure. {{pronoun.They}} {{pronoun.have}} agreed to me writing to you and to you sharing this letter with the people who need to see it.',
    ),
    p('The complaint is about:'),
    bullets('{{complaint.about}}'),
    p("In {{youngPerson.name}}'s own words:"),
    theirWords('{{youngPerson.ownWords}}'),
    p('To put this right, {{youngPerson.name}} would like:'),
    bullets('{{issues.wantedOutcome}}'),
    p(
      'Please treat this as a Stage 1 complaint. The regulations give you 10 working days to respond, and up to 20 if the matter is complex and you explain why. Counting from the day you receive this letter, a response is due by {{complaint.responseDue}}.',
    ),
    sign,
    p('Yours sincerely,'),
  ),
};

export const stage1UrgentHold: LetterTemplate = {
  id: 'stage1-urgent-hold',
  title: 'Urgent Stage 1 complaint (hold the decision)',
  description: 'Makes a complaint and asks the council not to act on a decision until the complaint is answered.',
  recipient: 'Complaints manager, copied to the team manager',
  startsStage: 'stage1',
  formal: true,
  body: doc(
    ...opening(complaintsTeam, 'Urgent complaint on behalf of {{youngPerson.formalName}}: please hold the decision'),
    p('Dear Complaints Manager,'),
    p(
      'I am writing as the independent advocate for {{youngPerson.formalName}} (date of birth {{youngPerson.dateOfBirth}}), with {{pronoun.their}} agreement. This complaint is urgent.',
    ),
    p(
      '{{youngPerson.name}} has been told that [the decision, for example a move of placement] will happen on [date]. {{pronoun.They}} {{pronoun.are}} not agreeing to it and {{pronoun.have}} not been properly consulted. {{pronoun.Their}} views are:',
    ),
    theirWords('{{youngPerson.ownWords}}'),
    p(
      "We ask that the decision is not carried out until this complaint has been considered, unless there is an immediate risk to {{youngPerson.name}}'s safety. Acting first would make the complaint pointless, because the harm could not be undone.",
    ),
    p(
      'Please confirm by [date, within 2 working days] that the decision is on hold. If it cannot be held, please explain the reason in writing to {{youngPerson.name}} and to me.',
    ),
    p('The complaint itself is:'),
    bullets('{{complaint.about}}'),
    p('What {{youngPerson.name}} wants instead:'),
    bullets('{{issues.wantedOutcome}}'),
    p(
      'Please treat this as a Stage 1 complaint. A response is due within 10 working days, by {{complaint.responseDue}}.',
    ),
    sign,
    p('Yours sincerely,'),
  ),
};

export const stage2Request: LetterTemplate = {
  id: 'stage2-request',
  title: 'Request for a Stage 2 investigation',
  description:
    'Asks for an independent investigation when Stage 1 has not resolved the complaint or was not answered in time.',
  recipient: 'Complaints manager at the local authority',
  startsStage: 'stage2',
  formal: true,
  body: doc(
    ...opening(
      [...complaintsTeam, 'Your reference: {{complaint.councilReference}}'],
      'Request for a Stage 2 investigation for {{youngPerson.formalName}}',
    ),
    p('Dear Complaints Manager,'),
    p(
      '{{youngPerson.formalName}} made a Stage 1 complaint, which you received on {{complaint.received}}. A response was due by {{complaint.responseDue}}. {{complaint.responseStatus}}',
    ),
    p('What has happened so far:'),
    bullets('{{complaint.history}}'),
    p(
      '{{youngPerson.name}} therefore asks for the complaint to be investigated at Stage 2, with an independent person appointed to oversee the investigation. In {{pronoun.their}} words:',
    ),
    theirWords('{{youngPerson.ownWords}}'),
    p('The points we ask the investigation to look at are:'),
    bullets('[First point of complaint.]', '[Second point of complaint.]'),
    p(
      'The regulations set 25 working days for Stage 2, which can be extended to no more than 65 working days. Please tell us the name of the investigating officer and the independent person, and when {{youngPerson.name}} will be able to meet them.',
    ),
    sign,
    p('Yours sincerely,'),
  ),
};

export const stage3PanelRequest: LetterTemplate = {
  id: 'stage3-panel-request',
  title: 'Request for a Stage 3 review panel',
  description: 'Asks for a review panel when the young person is not satisfied with the Stage 2 findings.',
  recipient: 'Complaints manager at the local authority',
  startsStage: 'stage3',
  formal: true,
  body: doc(
    ...opening(
      [...complaintsTeam, 'Your reference: {{complaint.councilReference}}'],
      'Request for a Stage 3 review panel for {{youngPerson.formalName}}',
    ),
    p('Dear Complaints Manager,'),
    p(
      "{{youngPerson.formalName}} has received the Stage 2 report and the council's response, dated {{complaint.responseReceived}}. {{pronoun.They}} {{pronoun.are}} not satisfied and {{pronoun.have}} asked for the complaint to be considered by a review panel at Stage 3.",
    ),
    p('What has happened so far:'),
    bullets('{{complaint.history}}'),
    p('The reasons are:'),
    bullets(
      '[Finding that the young person disagrees with, and why.]',
      '[Recommendation that has not been carried out.]',
    ),
    theirWords('{{youngPerson.ownWords}}'),
    p(
      'The panel must meet within 30 working days of this request. {{youngPerson.name}} would like to attend with me as {{pronoun.their}} advocate. Please arrange the meeting at a time and place that suit {{pronoun.them}}, outside school or college hours, and tell us who will sit on the panel.',
    ),
    p(
      "The panel's report is due within 5 working days of the panel, and the council's response to it within 15 working days of the report.",
    ),
    sign,
    p('Yours sincerely,'),
  ),
};
