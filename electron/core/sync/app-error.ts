import { AppError } from '../../../shared/ipc/errors';
import { SyncHttpError } from './transport';

/** A sync failure as the person is told it: the service's own words where it gave them. */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof SyncHttpError) {
    if (e.code === 'rate_limited') return new AppError('forbidden', e.message);
    if (e.status === 401 || e.status === 403 || e.endsDevice) return new AppError('forbidden', e.message);
    return new AppError('internal', e.message);
  }
  return new AppError('internal', 'Sync stopped because of a problem on this computer. Your records are safe; try again.');
}
