import { todayIso } from '../../../shared/domain/dates';
import type { OnlineFeedback } from '../../../shared/intake/online-forms';
import type { RespondentRole } from '../../../shared/reports/feedback';
import type { Submission } from '../../../shared/sync/intake';
import type { CoreContext } from '../ipc/handler-types';
import { idFor } from './online-referral';

export type FeedbackOutcome = 'written' | 'already' | 'case_not_here';

/**
 * Writes feedback given through a one-time link as a feedback form of its case (the quarterly
 * report's feedback section counts it like a paper one). Only the questions of the link's form
 * are kept; who answered comes from the link, not from the answers.
 */
export function writeOnlineFeedback(
  ctx: Pick<CoreContext, 'write'>,
  sub: Submission,
  f: OnlineFeedback,
): FeedbackOutcome {
  const link = sub.link!;
  const id = idFor('feedback', sub);
  return ctx.write((w, db) => {
    if (db.prepare('SELECT 1 FROM feedback_forms WHERE id = ?').get(id)) return 'already';
    // Kept on the service until the case reaches this laptop.
    if (!db.prepare('SELECT 1 FROM referrals WHERE id = ? AND deleted_at IS NULL').get(link.caseId))
      return 'case_not_here';
    const young = link.audience === 'young_person';
    const role: RespondentRole | null = young
      ? null
      : link.audience === 'parent'
        ? 'parent'
        : link.audience === 'carer'
          ? 'carer'
          : (f.respondentRole ?? 'other');
    w.upsert('feedback_form', id, link.caseId, {
      case_id: link.caseId,
      kind: young ? 'young_person' : 'professional',
      received_date: todayIso(new Date(sub.receivedAt)),
      respondent_role: role,
      listened_to: young ? f.listenedTo : null,
      things_changed: young ? f.thingsChanged : null,
      use_again: young ? f.useAgain : null,
      voice_heard: young ? null : f.voiceHeard,
      kept_informed: young ? null : f.keptInformed,
      recommend: young ? null : f.recommend,
      comment: f.comment,
      may_quote: f.mayQuote ? 1 : 0,
      created_at: sub.receivedAt,
    });
    return 'written';
  });
}
