import { stage1Complaint, stage1UrgentHold, stage2Request, stage3PanelRequest } from './letters-complaints';
import { closingLetter, dcsLetter, helpAtHand, iroConcern, lgscoComplaint } from './letters-escalation';
import type { LetterTemplate } from './types';

export type { LetterTemplate } from './types';
export { fillMergeFields, fieldsUsed, mergeFields, type MergeField, type MergeValues } from './merge-fields';
export { fillPlaceholders, findPlaceholders, undecidedPlaceholders } from './placeholders';

/** Every letter template, in the order an advocate would reach for them. */
export const letterTemplates: readonly LetterTemplate[] = [
  stage1Complaint,
  stage1UrgentHold,
  stage2Request,
  stage3PanelRequest,
  iroConcern,
  dcsLetter,
  helpAtHand,
  lgscoComplaint,
  closingLetter,
];

export const letterTemplateIds = letterTemplates.map((t) => t.id);

export function getLetterTemplate(id: string): LetterTemplate | null {
  return letterTemplates.find((t) => t.id === id) ?? null;
}
