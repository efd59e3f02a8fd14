import { PROTOCOL_VERSION, type syncErrorCodes } from '../shared/sync/protocol';

export type SyncErrorCode = (typeof syncErrorCodes)[number];

/** A refusal with an HTTP status and a message a support person can act on. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  body(): { v: number; error: { code: string; message: string } } {
    return { v: PROTOCOL_VERSION, error: { code: this.code, message: this.message } };
  }
}

export const badRequest = (message: string) => new ServiceError(400, 'bad_request', message);
export const unauthorised = (
  message = 'This device is not signed in to the service. Connect it again with a new enrolment code.',
) => new ServiceError(401, 'unauthorised', message);
