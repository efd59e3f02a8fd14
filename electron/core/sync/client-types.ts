import { AppError } from '../../../shared/ipc/errors';
import { SyncHttpError } from './transport';

/** An outbox row as the push reads it (electron/core/sync/client.ts). */
export interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: string;
  entity_id: string;
  case_id: string | null;
  field: string;
  value: string | null;
  base_version: number;
  hlc: string;
}

/** A sync failure in the words the person sees; a refusal that ends the device stays `forbidden`. */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof SyncHttpError) {
    if (e.code === 'rate_limited') return new AppError('forbidden', e.message);
    if (e.status === 401 || e.status === 403 || e.endsDevice) return new AppError('forbidden', e.message);
    if (e.status === 409) return new AppError('conflict', e.message);
    if (e.status === 404) return new AppError('not_found', e.message);
    return new AppError('internal', e.message);
  }
  return new AppError(
    'internal',
    'Sync stopped because of a problem on this computer. Your records are safe; try again.',
  );
}
