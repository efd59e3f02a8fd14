/**
 * Meetings an advocate prepares a young person for, and the words used for them on screen, in
 * PDFs and in reports. One list each so forms, storage and reports can never disagree.
 */
export const meetingTypes = [
  'cp_initial_conference',
  'cp_review_conference',
  'core_group',
  'cin_review',
  'cic_review',
  'family_group_conference',
  'joint_assessment',
  'pep',
  'strategy_meeting',
  'complaint_resolution',
  'eviction_or_placement_appeal',
  'professionals_meeting',
  'other',
] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meetingTypeLabels: Record<MeetingType, string> = {
  cp_initial_conference: 'Child protection initial conference',
  cp_review_conference: 'Child protection review conference',
  core_group: 'Core group meeting',
  cin_review: 'Child in need review',
  cic_review: 'Child in care review',
  family_group_conference: 'Family group conference',
  joint_assessment: 'Joint assessment (homeless 16–17)',
  pep: 'Personal education plan (PEP) meeting',
  strategy_meeting: 'Strategy meeting',
  complaint_resolution: 'Complaint resolution meeting',
  eviction_or_placement_appeal: 'Eviction or placement appeal',
  professionals_meeting: 'Professionals meeting',
  other: 'Other meeting',
};

/** Plainer names for the young person's own statement ("my views for my…"). */
export const meetingTypeChildLabels: Record<MeetingType, string> = {
  cp_initial_conference: 'child protection conference',
  cp_review_conference: 'child protection review',
  core_group: 'core group meeting',
  cin_review: 'child in need review',
  cic_review: 'care review',
  family_group_conference: 'family group conference',
  joint_assessment: 'housing assessment',
  pep: 'education (PEP) meeting',
  strategy_meeting: 'meeting',
  complaint_resolution: 'complaint meeting',
  eviction_or_placement_appeal: 'appeal meeting',
  professionals_meeting: 'meeting',
  other: 'meeting',
};

/** Who will put the young person's views to the meeting. */
export const presenters = ['young_person', 'advocate', 'in_writing'] as const;
export type Presenter = (typeof presenters)[number];
export const presenterLabels: Record<Presenter, string> = {
  young_person: 'The young person, in the meeting',
  advocate: 'The advocate, on their behalf',
  in_writing: 'In writing, read by the meeting',
};
export const presenterChildLabels: Record<Presenter, string> = {
  young_person: 'I will say it myself',
  advocate: 'My advocate will say it for me',
  in_writing: 'It will be given to the meeting in writing',
};

/** How the young person agreed the final words. */
export const agreementMethods = ['read_back', 'signed', 'verbal'] as const;
export type AgreementMethod = (typeof agreementMethods)[number];
export const agreementMethodLabels: Record<AgreementMethod, string> = {
  read_back: 'Read back to them and agreed',
  signed: 'Signed by them',
  verbal: 'Agreed verbally',
};

export const attendanceValues = ['whole', 'part', 'no'] as const;
export type Attendance = (typeof attendanceValues)[number];
export const attendanceLabels: Record<Attendance, string> = {
  whole: 'Yes, for the whole meeting',
  part: 'For part of the meeting',
  no: 'No',
};

/** How the young person's views reached the meeting (or that they did not). */
export const viewsPresentedValues = ['young_person', 'advocate', 'in_writing', 'not_presented'] as const;
export type ViewsPresented = (typeof viewsPresentedValues)[number];
export const viewsPresentedLabels: Record<ViewsPresented, string> = {
  young_person: 'They spoke for themselves',
  advocate: 'The advocate presented them',
  in_writing: 'In writing',
  not_presented: 'Their views were not presented',
};

export const wishesReflectedValues = ['yes', 'partly', 'no'] as const;
export type WishesReflected = (typeof wishesReflectedValues)[number];
export const wishesReflectedLabels: Record<WishesReflected, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
};

/** "14:30" in 24-hour time, as meetings are set in England. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A meeting's start as one sortable string ("2026-03-07T14:30"; all-day meetings sort first). */
export const meetingSortKey = (date: string, time: string | null): string => `${date}T${time ?? '00:00'}`;
