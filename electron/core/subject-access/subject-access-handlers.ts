import type { subjectAccessMethods } from '../../../shared/ipc/subject-access';
import type { HandlersFor } from '../ipc/handler-types';
import { exportSubjectAccess } from './export';

export const subjectAccessHandlers: HandlersFor<keyof typeof subjectAccessMethods> = {
  'subjectAccess.export': (input, ctx) => exportSubjectAccess(ctx, input),
};
