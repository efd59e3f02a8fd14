import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../shared/sync/protocol';
import { ServiceError, badRequest } from './errors';

/** Checks a request body against its shared schema; the refusal names where, never what was sent. */
export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body && typeof body === 'object' && 'v' in body && (body as { v: unknown }).v !== PROTOCOL_VERSION) {
    throw new ServiceError(
      400,
      'unsupported_version',
      `This service speaks sync protocol version ${PROTOCOL_VERSION}. Please update Heard.`,
    );
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    // A value the service cannot store gets its own words, so the person knows what to change.
    if (issue?.code === 'custom' && issue.params?.valueProblem)
      throw badRequest(`${issue.message} Nothing was changed (at ${where}).`);
    throw badRequest(`The request was not in the expected form (at ${where}). Nothing was changed.`);
  }
  return r.data;
}
