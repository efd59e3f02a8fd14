import { todayIso } from '../../../shared/domain/dates';
import type { retentionMethods } from '../../../shared/ipc/retention';
import type { HandlersFor } from '../ipc/handler-types';
import { eraseDueCasesEverywhere } from './erase-everywhere';
import { dueCases, getPolicy, setPolicy } from './retention-service';

export const retentionHandlers: HandlersFor<keyof typeof retentionMethods> = {
  'retention.policy.get': (_input, ctx) => getPolicy(ctx.db()),
  'retention.policy.set': (input, ctx) => setPolicy(ctx.db(), input),
  'retention.due': (_input, ctx) => {
    const today = todayIso(ctx.now());
    return { rows: dueCases(ctx.db(), today), today };
  },
  'retention.erase': (input, ctx) => eraseDueCasesEverywhere(ctx, input.caseIds, input.confirmCount),
};
