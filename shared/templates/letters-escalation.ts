import { bullets, doc, opening, p, theirWords } from './build';
import type { LetterTemplate } from './types';

/** Letters outside the complaint stages: the IRO, the Director, Help at Hand, the Ombudsman, and closing. */

export const iroConcern: LetterTemplate = {
  id: 'iro-concern',
  title: 'Concern to the IRO about the care plan',
  description:
    "Raises a concern with the independent reviewing officer when the care plan is not being followed or the young person's views are missing.",
  recipient: 'Independent reviewing officer',
  startsStage: null,
  formal: true,
  body: doc(
    ...opening(
      ['Independent Reviewing Officer', "{{localAuthority}} Children's Services"],
      'Concern about the care plan for {{youngPerson.formalName}}',
    ),
    p('Dear Independent Reviewing Officer,'),
    p(
      'I am the independent advocate for {{youngPerson.formalName}} (date of birth {{youngPerson.dateOfBirth}}). {{pronoun.They}} {{pronoun.have}} asked me to raise a concern with you about {{pronoun.their}} care plan.',
    ),
    p('The concern is:'),
    bullets(
      '[The part of the care plan that is not happening, or the decision made without the young person.]',
      '[How long this has gone on, and what has already been tried.]',
    ),
    theirWords('{{youngPerson.ownWords}}'),
    p(
      'We ask you to look into this and, if you agree the plan is not being carried out, to use your powers to resolve it, including bringing the review forward. Please let {{youngPerson.name}} and me know what you decide within [10] working days.',
    ),
    p('{{youngPerson.name}} may also make a formal complaint. Raising it with you first does not affect that right.'),
    p('Yours sincerely,'),
  ),
};

export const dcsLetter: LetterTemplate = {
  id: 'dcs-letter',
  title: "Letter to the Director of Children's Services",
  description: 'Takes a serious or long-running problem to the most senior officer for children in the council.',
  recipient: "Director of Children's Services",
  startsStage: null,
  formal: true,
  body: doc(
    ...opening(
      ["Director of Children's Services", '{{localAuthority}}'],
      '{{youngPerson.formalName}}: a matter that needs your attention',
    ),
    p('Dear Director,'),
    p(
      'I am writing as the independent advocate for {{youngPerson.formalName}}, a young person your council is responsible for, with {{pronoun.their}} agreement. I am writing to you directly because the usual routes have not put things right.',
    ),
    p('What has happened so far:'),
    bullets(
      '[The problem, and when it started.]',
      '[Who has been asked to help, and what they said.]',
      '[Any complaint made, and where it has got to.]',
    ),
    theirWords('{{youngPerson.ownWords}}'),
    p('We ask you to:'),
    bullets('{{issues.wantedOutcome}}'),
    p(
      "Please reply by [date]. If we do not hear from you, {{youngPerson.name}} may ask the Children's Commissioner's Help at Hand service or the Local Government and Social Care Ombudsman for help.",
    ),
    p('Yours sincerely,'),
  ),
};

export const helpAtHand: LetterTemplate = {
  id: 'help-at-hand',
  title: "Request to the Children's Commissioner's Help at Hand",
  description:
    'Asks Help at Hand to step in when the council is not following the law or its own complaints procedure.',
  recipient: "Help at Hand, Office of the Children's Commissioner",
  startsStage: null,
  formal: true,
  body: doc(
    ...opening(
      ['Help at Hand', "Office of the Children's Commissioner for England"],
      'Request for help for {{youngPerson.formalName}}',
    ),
    p('Dear Help at Hand team,'),
    p(
      'I am an independent advocate with {{service.name}}. I am writing for {{youngPerson.formalName}} (date of birth {{youngPerson.dateOfBirth}}), who is looked after by, or receives services from, {{localAuthority}}. {{pronoun.They}} {{pronoun.have}} agreed to me contacting you and sharing {{pronoun.their}} details.',
    ),
    p(
      'We are asking for your help because the council has not kept to the timescales of the complaints procedure. The complaint was received on {{complaint.received}} at {{complaint.stage}}; a response was due by {{complaint.responseDue}}. {{complaint.responseStatus}}',
    ),
    p('What has happened so far:'),
    bullets('{{complaint.history}}'),
    p('The problem behind the complaint is:'),
    bullets('[What is happening to the young person.]', '[The right or safeguard that is not being respected.]'),
    theirWords('{{youngPerson.ownWords}}'),
    p(
      'We would be grateful if you could contact the council and ask it to respond. I can send copies of the complaint and any replies. The best way to reach me is through {{service.name}}.',
    ),
    p('Yours sincerely,'),
  ),
};

export const lgscoComplaint: LetterTemplate = {
  id: 'lgsco-complaint',
  title: 'Complaint to the Local Government and Social Care Ombudsman',
  description:
    "Takes the complaint to the Ombudsman when the council's procedure is finished or the council has missed its timescales.",
  recipient: 'Local Government and Social Care Ombudsman',
  startsStage: null,
  formal: true,
  body: doc(
    ...opening(
      ['Local Government and Social Care Ombudsman'],
      'Complaint about {{localAuthority}} on behalf of {{youngPerson.formalName}}',
    ),
    p('Dear Ombudsman,'),
    p(
      'I am the independent advocate for {{youngPerson.formalName}} (date of birth {{youngPerson.dateOfBirth}}) and I am making this complaint with {{pronoun.their}} agreement and on {{pronoun.their}} behalf.',
    ),
    p(
      "{{youngPerson.name}} complained to {{localAuthority}} under the children's complaints procedure (council reference {{complaint.councilReference}}). The complaint reached {{complaint.stage}}, received on {{complaint.received}}; a response was due by {{complaint.responseDue}}. {{complaint.responseStatus}}",
    ),
    p('What has happened so far:'),
    bullets('{{complaint.history}}'),
    p('What went wrong:'),
    bullets('[The fault, as specifically as possible.]', '[The injustice it caused the young person.]'),
    theirWords('{{youngPerson.ownWords}}'),
    p('What {{youngPerson.name}} would like to happen:'),
    bullets('{{issues.wantedOutcome}}'),
    p(
      "Copies of the complaint, the council's replies and the dates are enclosed. Please contact me at {{service.name}}; {{youngPerson.name}} would like to be kept informed in plain words.",
    ),
    p('Yours sincerely,'),
  ),
};

export const closingLetter: LetterTemplate = {
  id: 'closing-letter',
  title: 'Closing letter to the young person',
  description: 'Tells the young person what was done together, what changed, and how to come back.',
  recipient: 'The young person',
  startsStage: null,
  formal: false,
  body: doc(
    p('{{today}}'),
    p('Dear {{youngPerson.name}},'),
    p(
      'Thank you for working with me. I am writing to say what we did together and to let you know that I am closing your advocacy case for now.',
    ),
    p('You asked me to help with:'),
    bullets('{{issues}}'),
    p('What we did:'),
    bullets('[Meetings, letters and calls, in simple words.]'),
    p('What changed:'),
    bullets('[What was sorted out, and anything still waiting.]'),
    p(
      "You can contact {{service.name}} again at any time if something is not right, or if you want help to have your say. You do not need anyone's permission to ask for an advocate.",
    ),
    p(
      'If you want to complain about our service, you can ask us for our complaints leaflet, or ask someone you trust to help you.',
    ),
    p('Take care,'),
  ),
};
