import {
  conversionStatusSchema,
  eraseResponseSchema,
  finishResponseSchema,
  pendingResponseSchema,
  resealResponseSchema,
  type ConversionStatus,
  type EraseRequest,
  type EraseResponse,
  type FinishResponse,
  type PendingRequest,
  type PendingResponse,
  type ResealRequest,
  type ResealResponse,
} from '../../../shared/sync/offservice';
import type { SyncApi } from './transport';

/** The requests only a manager's laptop makes (server/manager-routes.ts); every answer checked. */
export const managerApi = {
  erase: (api: SyncApi, token: string, body: Omit<EraseRequest, 'v'>): Promise<EraseResponse> =>
    api.post('/v1/erase', body, eraseResponseSchema, token),
  conversionStatus: (api: SyncApi, token: string): Promise<ConversionStatus> =>
    api.post('/v1/convert/status', {}, conversionStatusSchema, token),
  pending: (api: SyncApi, token: string, body: Omit<PendingRequest, 'v'>): Promise<PendingResponse> =>
    api.post('/v1/convert/pending', body, pendingResponseSchema, token),
  reseal: (api: SyncApi, token: string, body: Omit<ResealRequest, 'v'>): Promise<ResealResponse> =>
    api.post('/v1/convert/reseal', body, resealResponseSchema, token),
  finish: (api: SyncApi, token: string): Promise<FinishResponse> =>
    api.post('/v1/convert/finish', {}, finishResponseSchema, token),
};
