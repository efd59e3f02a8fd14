import type { councilMethods } from '../../../shared/ipc/councils';
import type { HandlersFor } from '../ipc/handler-types';
import { chooseCouncil, unmatchedCouncils } from './councils';

export const councilHandlers: HandlersFor<keyof typeof councilMethods> = {
  'caseload.councils.unmatched': (_input, ctx) => unmatchedCouncils(ctx.db()),
  'caseload.councils.choose': (input, ctx) => chooseCouncil(ctx, input.personId, input.caseId, input.code),
};
