import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import { feedbackFormInputSchema, type FeedbackForm } from '../../../shared/ipc/reports';
import type { z } from 'zod';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';

type Input = z.output<typeof feedbackFormInputSchema>;

interface Row {
  id: string;
  case_id: string;
  kind: FeedbackForm['kind'];
  received_date: string;
  respondent_role: FeedbackForm['respondentRole'];
  listened_to: FeedbackForm['listenedTo'];
  things_changed: FeedbackForm['thingsChanged'];
  use_again: FeedbackForm['useAgain'];
  voice_heard: FeedbackForm['voiceHeard'];
  kept_informed: FeedbackForm['keptInformed'];
  recommend: FeedbackForm['recommend'];
  comment: string;
  may_quote: number;
  created_at: string | null;
}

const toForm = (r: Row): FeedbackForm => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  receivedDate: r.received_date,
  respondentRole: r.respondent_role,
  listenedTo: r.listened_to,
  thingsChanged: r.things_changed,
  useAgain: r.use_again,
  voiceHeard: r.voice_heard,
  keptInformed: r.kept_informed,
  recommend: r.recommend,
  comment: r.comment,
  mayQuote: r.may_quote === 1,
  createdAt: r.created_at,
});

export function listFeedback(db: Db, caseId: string): FeedbackForm[] {
  const rows = db
    .prepare('SELECT * FROM feedback_forms WHERE case_id = ? AND deleted_at IS NULL ORDER BY received_date, id')
    .all(caseId) as Row[];
  return rows.map(toForm);
}

function getForm(db: Db, id: string): FeedbackForm {
  const row = db.prepare('SELECT * FROM feedback_forms WHERE id = ? AND deleted_at IS NULL').get(id) as Row | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      'That feedback form could not be found. It may have been removed on another device.',
    );
  return toForm(row);
}

/** Saves a young person's or a professional's form. Only the questions of that form are kept. */
export function saveFeedback(ctx: CoreContext, input: Input): FeedbackForm {
  const exists = ctx.db().prepare('SELECT 1 FROM referrals WHERE id = ? AND deleted_at IS NULL').get(input.caseId);
  if (!exists) throw new AppError('not_found', 'That case could not be found, so the feedback was not saved.');
  const young = input.kind === 'young_person';
  const id = input.id ?? uuidv7();
  if (input.id) {
    const current = getForm(ctx.db(), input.id);
    if (current.caseId !== input.caseId)
      throw new AppError('invalid_input', 'This feedback form belongs to another case.');
  }
  ctx.write((w) => {
    w.upsert('feedback_form', id, input.caseId, {
      case_id: input.caseId,
      kind: input.kind,
      received_date: input.receivedDate,
      respondent_role: young ? null : (input.respondentRole ?? 'other'),
      listened_to: young ? input.listenedTo : null,
      things_changed: young ? input.thingsChanged : null,
      use_again: young ? input.useAgain : null,
      voice_heard: young ? null : input.voiceHeard,
      kept_informed: young ? null : input.keptInformed,
      recommend: young ? null : input.recommend,
      comment: input.comment.trim(),
      may_quote: input.mayQuote ? 1 : 0,
      created_at: input.id ? undefined : ctx.now().toISOString(),
    });
  });
  return getForm(ctx.db(), id);
}

export function removeFeedback(ctx: CoreContext, id: string): boolean {
  const row = ctx.db().prepare('SELECT case_id FROM feedback_forms WHERE id = ? AND deleted_at IS NULL').get(id) as
    { case_id: string } | undefined;
  if (!row) return false;
  ctx.write((w) => w.remove('feedback_form', id, row.case_id));
  return true;
}
