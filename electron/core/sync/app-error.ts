import { AppError } from '../../../shared/ipc/errors';
import { SyncHttpError } from './transport';

/** A failure talking to the service, in the words and codes the screens show. */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof SyncHttpError) {
    if (e.code === 'rate_limited') return new AppError('forbidden', e.message);
    if (e.status === 401 || e.status === 403 || e.endsDevice) return new AppError('forbidden', e.message);
    if (e.status === 409) return new AppError('conflict', e.message);
    if (e.status === 404) return new AppError('not_found', e.message);
    return new AppError('internal', e.message);
  }
  return new AppError('internal', 'Sync stopped because of a problem on this computer. Your records are safe; try again.');
}
