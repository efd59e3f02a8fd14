import { PROTOCOL_VERSION } from '../../../shared/sync/protocol';
import {
  conversionStatusSchema, eraseResponseSchema, finishResponseSchema, pendingResponseSchema, resealResponseSchema,
  type ConversionStatus, type EraseRequest, type EraseResponse, type FinishResponse, type PendingRequest, type PendingResponse, type ResealRequest, type ResealResponse,
} from '../../../shared/sync/offservice';
import type { SyncApi } from './transport';

/** The requests only a manager's laptop makes (server/manager-routes.ts); every answer checked. */
export const managerApi = {
  erase: (api: SyncApi, token: string, body: Omit<EraseRequest, 'v'>): Promise<EraseResponse> =>
    api.call('/v1/erase', { v: PROTOCOL_VERSION, ...body }, eraseResponseSchema, token),
  conversionStatus: (api: SyncApi, token: string): Promise<ConversionStatus> =>
    api.call('/v1/convert/status', { v: PROTOCOL_VERSION }, conversionStatusSchema, token),
  pending: (api: SyncApi, token: string, body: Omit<PendingRequest, 'v'>): Promise<PendingResponse> =>
    api.call('/v1/convert/pending', { v: PROTOCOL_VERSION, ...body }, pendingResponseSchema, token),
  reseal: (api: SyncApi, token: string, body: Omit<ResealRequest, 'v'>): Promise<ResealResponse> =>
    api.call('/v1/convert/reseal', { v: PROTOCOL_VERSION, ...body }, resealResponseSchema, token),
  finish: (api: SyncApi, token: string): Promise<FinishResponse> => api.call('/v1/convert/finish', { v: PROTOCOL_VERSION }, finishResponseSchema, token),
};
