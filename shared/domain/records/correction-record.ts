import { z } from 'zod';
import { correctedEntities, correctionKinds, fieldChangeSchema } from '../corrections';
import { defineRecord, field } from './define';

/**
 * The append-only history of corrections to saved details (migration 0013): what each field was
 * and became, who, when and why. Written by Heard when a saved detail changes, never by a form.
 * The entity registry reads its columns from here.
 */
export const correctionRecord = defineRecord('correction', 'corrections', {
  caseId: field.text('Case', { max: 100, system: true, required: true }),
  entity: field.code(
    correctedEntities,
    {
      person: "Young person's details",
      referral: 'Referral',
      referral_issue: 'Issue',
      case_action: 'Action',
      meeting: 'Meeting',
    },
    'Record corrected',
    { required: true, system: true },
  ),
  recordId: field.text('Record', { max: 100, system: true, required: true }),
  kind: field.code(correctionKinds, { changed: 'Changed', removed: 'Removed' }, 'Correction', {
    required: true,
    system: true,
  }),
  correctedAt: field.text('Corrected', { max: 40, system: true, required: true }),
  correctedBy: field.text('Corrected by', { max: 100, system: true }),
  correctedByName: field.text('Corrected by', { max: 200, system: true }),
  reason: field.longText('Why', { max: 2000, system: true }),
  changes: field.json(z.array(fieldChangeSchema), 'Changes', { required: true, system: true, initial: [] }),
});
