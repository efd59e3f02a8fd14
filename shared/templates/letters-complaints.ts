import { bullets, doc, opening, p, theirWords } from './build';
import type { LetterTemplate } from './types';

/** Letters that start or move a statutory complaint along its stages. */

const sign = p('If you need to talk to me about this letter, please contact me at {{service.name}}. Please write to {{youngPerson.name}} directly as well, in words they can understand, and send me a copy.');

export const stage1Complaint: LetterTemplate = {
  id: 'stage1-complaint',
  title: 'Stage 1 complaint',
  description: 'Makes a complaint on behalf of the young person under the children\'s complaints procedure.',
  recipient: 'Complaints manager at the local authority',
  startsStage: 'stage1',
  body: doc(
    ...opening(['Complaints Manager', "{{localAuthority}} Children's Services"], 'Complaint on behalf of {{youngPerson.name}}'),
    p('Dear Complaints Manager,'),
    p('I am an independent advocate with {{service.name}}. {{youngPerson.name}} (date of birth {{youngPerson.dateOfBirth}}) has asked me to help them make a complaint under the Children Act 1989 representations procedure. {{youngPerson.name}} has agreed to me writing to you and to you sharing this letter with the people who need to see it.'),
    p('The complaint is about:'),
    bullets('[What happened, when, and who was involved.]', '[The effect it has had on the young person.]'),
    p('In {{youngPerson.name}}\'s own words:'),
    theirWords('[What the young person wants to say, in their words.]'),
    p('To put this right, {{youngPerson.name}} would like:'),
    bullets('[What the young person wants to happen.]'),
    p('Please treat this as a Stage 1 complaint. The regulations give you 10 working days to respond, and up to 20 if the matter is complex and you explain why. Counting from the day you receive this letter, a response is due by {{complaint.responseDue}}.'),
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
  body: doc(
    ...opening(['Complaints Manager', "{{localAuthority}} Children's Services"], 'Urgent complaint on behalf of {{youngPerson.name}}: please hold the decision'),
    p('Dear Complaints Manager,'),
    p('I am writing as the independent advocate for {{youngPerson.name}} (date of birth {{youngPerson.dateOfBirth}}), with their agreement. This complaint is urgent.'),
    p('{{youngPerson.name}} has been told that [the decision, for example a move of placement] will happen on [date]. They were not properly consulted and they do not agree with it. Their views are:'),
    theirWords('[What the young person says about the decision, in their words.]'),
    p('We ask that the decision is not carried out until this complaint has been considered, unless there is an immediate risk to {{youngPerson.name}}\'s safety. Acting first would make the complaint pointless, because the harm could not be undone.'),
    p('Please confirm by [date, within 2 working days] that the decision is on hold. If it cannot be held, please explain the reason in writing to {{youngPerson.name}} and to me.'),
    p('The complaint itself is:'),
    bullets('[What happened and why it is wrong.]', '[What the young person wants instead.]'),
    p('Please treat this as a Stage 1 complaint. A response is due within 10 working days, by {{complaint.responseDue}}.'),
    sign,
    p('Yours sincerely,'),
  ),
};

export const stage2Request: LetterTemplate = {
  id: 'stage2-request',
  title: 'Request for a Stage 2 investigation',
  description: 'Asks for an independent investigation when Stage 1 has not resolved the complaint or was not answered in time.',
  recipient: 'Complaints manager at the local authority',
  startsStage: 'stage2',
  body: doc(
    ...opening(['Complaints Manager', "{{localAuthority}} Children's Services", 'Your reference: {{complaint.councilReference}}'], 'Request for a Stage 2 investigation for {{youngPerson.name}}'),
    p('Dear Complaints Manager,'),
    p('{{youngPerson.name}} made a Stage 1 complaint, which you received on {{complaint.received}}. A response was due by {{complaint.responseDue}}.'),
    p('[Either: No response has been received.] [Or: The response dated {{complaint.responseReceived}} does not resolve the complaint, because ...]'),
    p('{{youngPerson.name}} therefore asks for the complaint to be investigated at Stage 2, with an independent person appointed to oversee the investigation. In their words:'),
    theirWords('[Why the young person is still unhappy, in their words.]'),
    p('The points we ask the investigation to look at are:'),
    bullets('[First point of complaint.]', '[Second point of complaint.]'),
    p('The regulations set 25 working days for Stage 2, which can be extended to no more than 65 working days. Please tell us the name of the investigating officer and the independent person, and when {{youngPerson.name}} will be able to meet them.'),
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
  body: doc(
    ...opening(['Complaints Manager', "{{localAuthority}} Children's Services", 'Your reference: {{complaint.councilReference}}'], 'Request for a Stage 3 review panel for {{youngPerson.name}}'),
    p('Dear Complaints Manager,'),
    p('{{youngPerson.name}} has received the Stage 2 report and the council\'s response, dated {{complaint.responseReceived}}. They are not satisfied and ask for the complaint to be considered by a review panel at Stage 3.'),
    p('The reasons are:'),
    bullets('[Finding that the young person disagrees with, and why.]', '[Recommendation that has not been carried out.]'),
    theirWords('[What the young person wants the panel to hear, in their words.]'),
    p('The panel must meet within 30 working days of this request. {{youngPerson.name}} would like to attend with me as their advocate. Please arrange the meeting at a time and place that suit them, outside school or college hours, and tell us who will sit on the panel.'),
    p('The panel\'s report is due within 5 working days of the panel, and the council\'s response to it within 15 working days of the report.'),
    sign,
    p('Yours sincerely,'),
  ),
};
