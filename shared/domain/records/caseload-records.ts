import { z } from 'zod';
import {
  advocacyTypes,
  advocateRoles,
  closureOutcomes,
  contactRoles,
  genders,
  issueCodes,
  issueOutcomes,
  issueStatuses,
  personKinds,
  referralSources,
  referralStatuses,
  serviceUserTypes,
  statusTags,
  urgencies,
} from '../codes';
import {
  advocacyTypeLabels,
  advocateRoleLabels,
  closureOutcomeLabels,
  genderLabels,
  issueLabels,
  issueOutcomeLabels,
  issueStatusLabels,
  personKindLabels,
  serviceUserTypeLabels,
  sourceLabels,
  statusLabels,
  statusTagLabels,
  urgencyLabels,
} from '../code-labels';
import { closureToldSchema, keptDecisionSchema } from '../closure';
import { disabilityLabels, disabilityStatuses, ethnicityCodes, ethnicityLabels } from '../equality';
import { defineRecord, field } from './define';

const receivedVia = ['online'] as const;
const receivedViaLabels = { online: 'The online referral form' };
const matchDecisions = ['confirmed', 'dismissed'] as const;
const matchDecisionLabels = { confirmed: 'Confirmed as the same person', dismissed: 'Not the same person' };

/*
 * The caseload's synced records, each field written once.
 *
 * Adding a field to a record (say a yes/no "Needs an interpreter" on the person):
 *   1. Add a store migration that adds the column (electron/core/db/migrations, with its test).
 *   2. Add the field here, in the place it should appear on screen:
 *        interpreterNeeded: field.yesNo('Needs an interpreter', { initial: false }),
 *      Options: `max` for text; `importColumn: 'interpreter_needed'` if the referral spreadsheet
 *      may carry it; `system: true` if only Heard sets it; `column` if the stored name differs.
 *   That is all for the common case. From this line Heard derives: the IPC schemas (what a form may
 *   set, what a record returns), the synced columns (so sync carries it and the service stores it),
 *   the row mapping, the new-referral form and the edit forms (a field is drawn from its kind and
 *   label), the case page, the import column's checks and writes, and the subject-access export
 *   (which reads every column). A field that needs its own input or display (a list of contacts,
 *   a field shown only when another is set) gets a `custom` entry where the form or page draws it.
 *   3. If the value needs words in letters or reports, add them where those are built.
 */

export const keyContactSchema = z.object({
  role: z.enum(contactRoles),
  name: z.string().trim().max(200),
  phone: z.string().trim().max(50).optional(),
  email: z.string().trim().max(200).optional(),
});
export type KeyContact = z.infer<typeof keyContactSchema>;

export const personRecord = defineRecord(
  'person',
  'people',
  {
    personReference: field.text('Person reference', { max: 200, system: true, importColumn: 'person_reference' }),
    kind: field.code(personKinds, personKindLabels, 'Who is this referral for?', {
      required: true,
      initial: 'young_person',
    }),
    firstName: field.text('First name (legal)', { max: 200, importColumn: 'first_name' }),
    lastName: field.text('Last name (legal)', { max: 200, importColumn: 'last_name' }),
    preferredName: field.text('Name they use', {
      max: 200,
      importColumn: 'preferred_name',
      hint: 'Shown everywhere in Heard',
    }),
    dateOfBirth: field.date('Date of birth', { importColumn: 'date_of_birth' }),
    gender: field.code(genders, genderLabels, 'Gender', { importColumn: 'gender' }),
    genderDescription: field.text('Gender in their words', { max: 200 }),
    pronouns: field.text('Pronouns', { max: 100, hint: 'e.g. she/her, they/them' }),
    firstLanguage: field.text('First language', { max: 100 }),
    interpreterNeeded: field.yesNo('Needs an interpreter', { initial: false }),
    interpreterLanguage: field.text('Interpreter language', { max: 100 }),
    communicationNeeds: field.longText('Communication needs', { max: 2000 }),
    ethnicity: field.code(ethnicityCodes, ethnicityLabels, 'Ethnicity', {
      importColumn: 'ethnicity',
      hint: 'As the young person describes it',
    }),
    disabilityStatus: field.code(disabilityStatuses, disabilityLabels, 'Disability', { importColumn: 'disability' }),
    disability: field.longText('Disability details', { max: 2000 }),
    statusTags: field.codes(statusTags, statusTagLabels, 'Status', { required: true }),
    localAuthority: field.council('Responsible local authority', { importColumn: 'local_authority' }),
    placementType: field.text('Placement type', { max: 200, hint: "e.g. foster care, children's home" }),
    placementInArea: field.yesNo('Placement area', {
      answers: { yes: 'In area', no: 'Out of area' },
      importColumn: 'placement_area',
    }),
    placementAddress: field.longText('Placement address', { max: 1000 }),
    keyContacts: field.json(z.array(keyContactSchema).max(50), 'Key contacts', { required: true, initial: [] }),
  },
  ['created_at'],
);

export const referralRecord = defineRecord(
  'referral',
  'referrals',
  {
    reference: field.text('Reference', { max: 100, system: true, required: true }),
    personId: field.text('Person', { max: 100, system: true }),
    referralDate: field.date('Referral date', { keep: true, importColumn: 'referral_date' }),
    source: field.code(referralSources, sourceLabels, 'Source', { importColumn: 'referral_source' }),
    referrer: field.text('Referrer', { max: 300, hint: 'Name and role' }),
    referrerContact: field.text("Referrer's phone or email", { max: 300 }),
    serviceUserType: field.code(serviceUserTypes, serviceUserTypeLabels, 'Service-user type', {
      keep: true,
      importColumn: 'service_user_type',
    }),
    urgency: field.code(urgencies, urgencyLabels, 'Urgency', {
      required: true,
      initial: 'standard',
      importColumn: 'urgency',
    }),
    urgencyReason: field.text('Why is it urgent?', { max: 2000 }),
    advocacyType: field.code(advocacyTypes, advocacyTypeLabels, 'Type of advocacy', {
      required: true,
      initial: 'instructed',
      importColumn: 'advocacy_type',
    }),
    consentExplainedOn: field.date('Consent and confidentiality explained on'),
    consentExplainedHow: field.text('How they were explained', {
      max: 2000,
      hint: 'e.g. in person with easy-read leaflet',
    }),
    confidentialityExplained: field.yesNo('Confidentiality and its limits have been explained', { initial: false }),
    request: field.longText('What they are asking for', { max: 5000 }),
    status: field.code(referralStatuses, statusLabels, 'Status', { required: true, system: true }),
    allocatedTo: field.text('Advocate', { max: 100, system: true }),
    allocationDate: field.date('Allocated on', { system: true, importColumn: 'allocation_date' }),
    daysToAllocation: field.integer('Days to allocation', { system: true }),
    closureDate: field.date('Closed on', { system: true, importColumn: 'closure_date' }),
    closureOutcome: field.code(closureOutcomes, closureOutcomeLabels, 'Closure outcome', {
      system: true,
      importColumn: 'closure_outcome',
    }),
    closureNote: field.longText('Closure note', { max: 5000, system: true }),
    /** What was decided about each piece of open work when the case closed. */
    closureChecklist: field.json(z.array(keptDecisionSchema), 'Open work at closure', { system: true, initial: [] }),
    /** What the young person was told as the case closed; null when not recorded. */
    closureTold: field.json(closureToldSchema.nullable(), 'What they were told at closure', {
      system: true,
      initial: null,
    }),
    /** For a young child or non-instructed advocacy: when the social worker was told an advocate is involved. */
    socialWorkerToldOn: field.date('Social worker told an advocate is involved on', {
      hint: 'For a young child or non-instructed advocacy',
    }),
    socialWorkerToldHow: field.text('How the social worker was told', { max: 500, hint: 'e.g. by phone' }),
    /** 'online' for a referral sent through the service's public form. */
    receivedVia: field.code(receivedVia, receivedViaLabels, 'Arrived by', { system: true }),
    /** A person already known who may be this referral's young person, for a manager to confirm. */
    possibleMatch: field.text('Possibly already known', { max: 100, system: true }),
    possibleMatchDecision: field.code(matchDecisions, matchDecisionLabels, 'Possible match', {
      system: true,
      column: 'match_decision',
    }),
  },
  ['created_at'],
);

export const issueRecord = defineRecord(
  'referral_issue',
  'referral_issues',
  {
    caseId: field.text('Case', { max: 100, system: true, required: true, column: 'referral_id' }),
    code: field.code(issueCodes, issueLabels, 'Theme', { required: true }),
    description: field.longText('In their own words', { max: 5000 }),
    wantedOutcome: field.longText('The outcome they want', { max: 5000 }),
    status: field.code(issueStatuses, issueStatusLabels, 'Status', { required: true, system: true }),
    outcome: field.code(issueOutcomes, issueOutcomeLabels, 'Outcome', { system: true }),
    outcomeNote: field.longText('Outcome note', { max: 5000, system: true }),
    // The day the issue was resolved, so its outcome falls in that quarter's report.
    closedOn: field.date('Closed on', { system: true }),
  },
  ['created_at'],
);

export const advocateRecord = defineRecord('advocate', 'advocates', {
  name: field.text('Name', { max: 200, required: true }),
  role: field.code(advocateRoles, advocateRoleLabels, 'Role', { required: true, initial: 'advocate' }),
  /** Set by the service for its own people (migration 0023); null for a name typed on this computer. */
  serviceStatus: field.code(
    ['active', 'inactive'],
    { active: 'Active', inactive: 'Account closed' },
    'On the service',
    { system: true },
  ),
});
