import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import type { lettersMethods } from '../../../shared/ipc/letters';
import { findPlaceholders, letterTemplates } from '../../../shared/templates';
import type { HandlersFor } from '../ipc/handler-types';
import { complaintsForCase, overdueComplaints, removeComplaint, saveComplaint } from './complaints-service';
import { listCouncilAddresses, saveCouncilAddress } from './council-addresses';
import { correctLetter, markSent, removeLetter, restoreLetter } from './letter-sending';
import { readLetterhead, saveLetterhead } from './letterhead-store';
import {
  createLetter,
  draftLetter,
  fillLetterPlaceholders,
  getLetter,
  letterPdf,
  letterPlaceholders,
  lettersForCase,
  renderLetterPdf,
  saveLetter,
  unsentLetters,
} from './letters-service';
import { ownWordsChoices } from './own-words';

export const lettersHandlers: HandlersFor<keyof typeof lettersMethods> = {
  'letters.templates': () =>
    letterTemplates.map(({ id, title, description, recipient, startsStage, formal }) => ({
      id,
      title,
      description,
      recipient,
      startsStage,
      formal,
    })),
  'letters.forCase': (input, ctx) => lettersForCase(ctx.db(), input.caseId),
  'letters.create': (input, ctx) =>
    createLetter(ctx, {
      caseId: input.caseId,
      templateId: input.templateId,
      complaintId: input.complaintId ?? null,
      ownWords: input.ownWords ?? null,
    }),
  'letters.ownWordsChoices': (input, ctx) => ownWordsChoices(ctx.db(), input.caseId),
  'letters.placeholders': (input, ctx) => letterPlaceholders(ctx, input.id),
  'letters.fillPlaceholders': (input, ctx) => fillLetterPlaceholders(ctx, input.id, input.fills),
  'letters.correct': (input, ctx) => correctLetter(ctx, input.id, input.changeNote),
  'letters.restore': (input, ctx) => restoreLetter(ctx, input.id),
  'letters.get': (input, ctx) => getLetter(ctx.db(), input.id),
  'letters.save': (input, ctx) => saveLetter(ctx, input.id, input),
  'letters.markSent': (input, ctx) => markSent(ctx, input.id, input.sentOn, input.sentMethod, input.leave),
  'letters.unsent': (_input, ctx) => unsentLetters(ctx.db()),
  'letters.remove': (input, ctx) => ({ removed: removeLetter(ctx, input.id) }),
  'letters.draftPdf': async (input, ctx) => {
    const caseId = ctx
      .db()
      .prepare('SELECT id FROM referrals WHERE reference = ? AND deleted_at IS NULL')
      .pluck()
      .get(input.caseReference) as string | undefined;
    if (!caseId) throw new AppError('not_found', `There is no case with reference ${input.caseReference}.`);
    const draft = draftLetter(ctx, caseId, input.templateId, null);
    const { fileName, bytes, pages } = await renderLetterPdf(ctx, draft);
    return {
      caseId,
      fileName,
      base64: Buffer.from(bytes).toString('base64'),
      pages,
      placeholders: findPlaceholders(draft.body).length,
    };
  },
  'letters.exportPdf': async (input, ctx) => {
    const { fileName, bytes, pages } = await letterPdf(ctx, input.id, input.leave);
    return { fileName, base64: Buffer.from(bytes).toString('base64'), pages };
  },
  'letterhead.get': (_input, ctx) => readLetterhead(ctx.dataDir),
  'letterhead.save': (input, ctx) => saveLetterhead(ctx.dataDir, input),
  'councils.list': (_input, ctx) => listCouncilAddresses(ctx.dataDir),
  'councils.save': (input, ctx) => saveCouncilAddress(ctx.dataDir, input),
  'complaints.forCase': (input, ctx) => complaintsForCase(ctx.db(), input.caseId, todayIso(ctx.now())),
  'complaints.save': (input, ctx) => saveComplaint(ctx, input),
  'complaints.remove': (input, ctx) => ({ removed: removeComplaint(ctx, input.id) }),
  'complaints.overdue': (_input, ctx) => overdueComplaints(ctx.db(), todayIso(ctx.now())),
};
