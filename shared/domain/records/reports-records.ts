import {
  feedbackFormKinds,
  questionLabels,
  respondentRoleLabels,
  respondentRoles,
  smileyAnswers,
  smileyLabels,
} from '../../reports/feedback';
import { systemicAreaLabels, systemicAreas } from '../equality';
import { defineRecord, field } from './define';

/*
 * The report's synced records, each stored column written once (migrations 0007 and 0018). The
 * entity registry reads their columns from here; the IPC schemas in shared/ipc/reports.ts and
 * shared/ipc/systemic-issues.ts are checked against these field for field by
 * tests/core/records/definitions-agree.test.ts. `case_id` is the referral's id.
 */

const caseId = field.text('Case', { max: 100, system: true, required: true });
const smiley = (label: string) => field.code(smileyAnswers, smileyLabels, label);

/** A feedback form as received, young person's or professional's; each question answered with a smiley. */
export const feedbackFormRecord = defineRecord('feedback_form', 'feedback_forms', {
  caseId,
  kind: field.code(
    feedbackFormKinds,
    { young_person: "A young person's form", professional: "A professional's or parent's form" },
    'Form',
    { required: true },
  ),
  receivedDate: field.date('Date received', { required: true }),
  respondentRole: field.code(respondentRoles, respondentRoleLabels, 'Who filled it in'),
  listenedTo: smiley(questionLabels.listened_to),
  thingsChanged: smiley(questionLabels.things_changed),
  useAgain: smiley(questionLabels.use_again),
  voiceHeard: smiley(questionLabels.voice_heard),
  keptInformed: smiley(questionLabels.kept_informed),
  recommend: smiley(questionLabels.recommend),
  comment: field.longText('What could we do better?', { max: 5000, required: true }),
  mayQuote: field.yesNo('May we quote it?', { required: true, initial: false }),
  createdAt: field.text('Added', { max: 40, system: true }),
});

/** One entry of the systemic issues log. */
export const systemicIssueRecord = defineRecord('systemic_issue', 'systemic_issues', {
  caseId,
  area: field.code(systemicAreas, systemicAreaLabels, 'Area', { required: true }),
  issue: field.text('Issue', { max: 200, required: true }),
  detail: field.longText('Detail', { max: 5000, required: true }),
  raisedOn: field.date('Date', { required: true }),
  createdAt: field.text('Added', { max: 40, system: true }),
});

export const reportsRecords = [feedbackFormRecord, systemicIssueRecord] as const;
