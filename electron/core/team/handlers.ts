import type { teamMethods } from '../../../shared/ipc/team';
import type { HandlersFor } from '../ipc/handler-types';
import { allocationWaiting } from '../caseload/allocation';
import { teamOverview } from './overview';
import { moveTypedNameCases } from './typed-names';
import { addPerson, deactivatePerson, listPeople, requireManagerLaptop } from './people';

export const teamHandlers: HandlersFor<keyof typeof teamMethods> = {
  'team.overview': (_input, ctx) => {
    requireManagerLaptop(ctx);
    return teamOverview(ctx);
  },
  'team.allocationWaiting': (input, ctx) => ({ waiting: allocationWaiting(ctx, input.caseId) }),
  'team.moveTypedCases': (input, ctx) => {
    requireManagerLaptop(ctx);
    return moveTypedNameCases(ctx, input.typedId, input.userId);
  },
  'team.people.list': (_input, ctx) => listPeople(ctx),
  'team.people.add': (input, ctx) => addPerson(ctx, input),
  'team.people.deactivate': (input, ctx) => deactivatePerson(ctx, input.userId),
};
