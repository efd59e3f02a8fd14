import type { systemicIssuesMethods } from '../../../shared/ipc/systemic-issues';
import type { HandlersFor } from '../ipc/handler-types';
import {
  listSystemicIssues,
  removeSystemicIssue,
  saveSystemicIssue,
  systemicIssueSuggestions,
} from './systemic-issues-service';

export const systemicIssuesHandlers: HandlersFor<keyof typeof systemicIssuesMethods> = {
  'systemicIssues.list': (input, ctx) => listSystemicIssues(ctx.db(), input.caseId),
  'systemicIssues.suggestions': (_input, ctx) => systemicIssueSuggestions(ctx.db()),
  'systemicIssues.save': (input, ctx) => saveSystemicIssue(ctx, input),
  'systemicIssues.remove': (input, ctx) => ({ removed: removeSystemicIssue(ctx, input.id) }),
};
