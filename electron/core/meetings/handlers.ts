import type { meetingsMethods } from '../../../shared/ipc/meetings';
import type { HandlersFor } from '../ipc/handler-types';
import { getCaseSummary } from '../caseload/case-summary';
import { getDebrief, measuresFor, saveDebrief } from './debrief-service';
import {
  getMeeting,
  listMeetings,
  meetingsForCase,
  nextMeetingByCase,
  removeMeeting,
  saveMeeting,
  upcomingMeetings,
} from './meetings-service';
import { exportStatementPdf } from './statement-export';
import {
  agreeStatement,
  childView,
  createStatement,
  getStatement,
  listVersions,
  saveStatement,
  statementRow,
  statementsForMeeting,
  versionRow,
} from './statements-service';
import { parseSections } from './rows';

export const meetingsHandlers: HandlersFor<keyof typeof meetingsMethods> = {
  'meetings.save': (input, ctx) => saveMeeting(ctx, input),
  'meetings.get': (input, ctx) => {
    const db = ctx.db();
    const meeting = getMeeting(db, input.id);
    const summary = getCaseSummary(db, meeting.caseId);
    return {
      meeting,
      statements: statementsForMeeting(db, meeting.id),
      debrief: getDebrief(db, meeting.id),
      issues: (summary?.issues ?? []).map((i) => ({
        id: i.id,
        code: i.code,
        description: i.description,
        status: i.status,
      })),
    };
  },
  'meetings.remove': (input, ctx) => ({ removed: removeMeeting(ctx, input.id, input.reason) }),
  'meetings.list': (input, ctx) => listMeetings(ctx.db(), input.from, input.to),
  'meetings.upcoming': (input, ctx) => upcomingMeetings(ctx.db(), ctx.now(), input.days),
  'meetings.forCase': (input, ctx) => meetingsForCase(ctx.db(), input.caseId),
  'meetings.nextByCase': (_input, ctx) => [...nextMeetingByCase(ctx.db(), ctx.now()).values()],
  'meetings.saveDebrief': (input, ctx) => saveDebrief(ctx, input),
  'meetings.outcomes': (input, ctx) => measuresFor(ctx.db(), input),

  'statements.create': (input, ctx) => createStatement(ctx, input.meetingId, input.templateId),
  'statements.get': (input, ctx) => getStatement(ctx.db(), input.id),
  'statements.save': (input, ctx) => saveStatement(ctx, input.id, input.sections, input.presenter, input.savedIn),
  'statements.childView': (input, ctx) => childView(ctx.db(), input.id),
  'statements.versions': (input, ctx) => listVersions(ctx.db(), input.id),
  'statements.version': (input, ctx) => {
    const v = versionRow(ctx.db(), input.versionId);
    statementRow(ctx.db(), v.statement_id);
    return { id: v.id, sections: parseSections(v.sections), presenter: v.presenter, savedAt: v.saved_at };
  },
  'statements.agree': (input, ctx) => agreeStatement(ctx, input.id, input.agreedOn, input.how, input.note),
  'statements.exportPdf': (input, ctx) => exportStatementPdf(ctx, input.id),
};
