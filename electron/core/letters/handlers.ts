import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import type { lettersMethods } from '../../../shared/ipc/letters';
import { letterTemplates } from '../../../shared/templates';
import type { HandlersFor } from '../ipc/handler-types';
import { complaintsForCase, overdueComplaints, removeComplaint, saveComplaint } from './complaints-service';
import { readLetterhead, saveLetterhead } from './letterhead-store';
import { createLetter, draftLetter, getLetter, letterPdf, lettersForCase, markSent, removeLetter, renderLetterPdf, saveLetter, unsentLetters } from './letters-service';

export const lettersHandlers: HandlersFor<keyof typeof lettersMethods> = {
  'letters.templates': () => letterTemplates.map(({ id, title, description, recipient, startsStage }) => ({ id, title, description, recipient, startsStage })),
  'letters.forCase': (input, ctx) => lettersForCase(ctx.db(), input.caseId),
  'letters.create': (input, ctx) => createLetter(ctx, input.caseId, input.templateId, input.complaintId ?? null),
  'letters.get': (input, ctx) => getLetter(ctx.db(), input.id),
  'letters.save': (input, ctx) => saveLetter(ctx, input.id, input),
  'letters.markSent': (input, ctx) => markSent(ctx, input.id, input.sentOn, input.sentMethod),
  'letters.unsent': (_input, ctx) => unsentLetters(ctx.db()),
  'letters.remove': (input, ctx) => ({ removed: removeLetter(ctx, input.id) }),
  'letters.draftPdf': async (input, ctx) => {
    const caseId = ctx.db().prepare('SELECT id FROM referrals WHERE reference = ? AND deleted_at IS NULL').pluck().get(input.caseReference) as string | undefined;
    if (!caseId) throw new AppError('not_found', `There is no case with reference ${input.caseReference}.`);
    const { fileName, bytes, pages } = await renderLetterPdf(ctx, draftLetter(ctx, caseId, input.templateId, null));
    return { caseId, fileName, base64: Buffer.from(bytes).toString('base64'), pages };
  },
  'letters.exportPdf': async (input, ctx) => {
    const { fileName, bytes, pages } = await letterPdf(ctx, input.id);
    return { fileName, base64: Buffer.from(bytes).toString('base64'), pages };
  },
  'letterhead.get': (_input, ctx) => readLetterhead(ctx.dataDir),
  'letterhead.save': (input, ctx) => saveLetterhead(ctx.dataDir, input),
  'complaints.forCase': (input, ctx) => complaintsForCase(ctx.db(), input.caseId, todayIso(ctx.now())),
  'complaints.save': (input, ctx) => saveComplaint(ctx, input),
  'complaints.remove': (input, ctx) => ({ removed: removeComplaint(ctx, input.id) }),
  'complaints.overdue': (_input, ctx) => overdueComplaints(ctx.db(), todayIso(ctx.now())),
};
