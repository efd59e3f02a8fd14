import type { ClosureDecision, OpenWorkKind } from '../../../../shared/domain/closure';

/** What each choice means for each kind of open work, in the words shown beside it. */
export const decisionWords: Record<OpenWorkKind, Partial<Record<ClosureDecision, string>>> = {
  safeguarding: { settle: 'Close the record (kept as an amendment)', carry: 'Keep it open after the case closes' },
  complaint: { settle: 'Resolved', carry: 'Carries on after the case closes', cancel: 'Withdrawn' },
  action: { settle: 'Done', carry: 'Carries on after the case closes', cancel: 'Cancel it' },
  letter: { carry: 'Keep it to send later', cancel: 'It will not be sent: delete the draft' },
  meeting: { carry: 'Still going ahead', cancel: 'Cancel the meeting' },
};

export const kindWords: Record<OpenWorkKind, string> = {
  safeguarding: 'Safeguarding',
  complaint: 'Complaint',
  action: 'Action',
  letter: 'Letter',
  meeting: 'Meeting',
};

/** The case tab where each kind of work can be settled instead. */
export const kindTab: Record<OpenWorkKind, string> = {
  safeguarding: 'safeguarding',
  complaint: 'complaints',
  action: 'actions',
  letter: 'letters',
  meeting: 'meetings',
};

/** Whether a reason must be given, and what it asks. */
export function reasonPrompt(
  kind: OpenWorkKind,
  decision: ClosureDecision | null,
): { label: string; required: boolean } | null {
  if (decision === 'carry') return { label: 'Why does it carry on?', required: true };
  if (decision === 'cancel') return { label: 'Why? (optional)', required: false };
  if (decision === 'settle' && kind === 'safeguarding')
    return { label: 'How was the concern resolved?', required: true };
  return null;
}

export const pastDecisionWords: Record<ClosureDecision, string> = {
  settle: 'Settled',
  carry: 'Carried on',
  cancel: 'Cancelled',
};
