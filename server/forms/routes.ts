import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { PROTOCOL_VERSION, uuidSchema } from '../../shared/sync/protocol';
import { MAX_SUBMISSION_BYTES, publicSubmissionSchema } from '../../shared/sync/intake';
import { ServiceError, badRequest } from '../errors';
import { asset } from './assets';
import { expiredLinkPage, feedbackPage, noReferralsPage, unknownLinkPage, usedLinkPage } from './feedback-page';
import { acceptSubmission, findLink, intakeKeyFor } from './intake-store';
import { PAGE_HEADERS } from './page-shell';
import { referralPage } from './referral-page';
import { senderKey } from './sender-key';

export interface PublicFormLimits {
  /** Forms one address may send in an hour; IPv6 addresses count by their /64 (one household or phone). */
  perAddressPerHour: number;
  /** Referrals one organisation accepts in a day (UTC). */
  dailyCap: number;
  /**
   * Feedback answers one organisation accepts in a day (UTC), counted apart from referrals so a
   * flood of one form cannot shut the other (attack review finding 12).
   */
  feedbackDailyCap: number;
}
export const DEFAULT_PUBLIC_FORM_LIMITS: PublicFormLimits = {
  perAddressPerHour: 10,
  dailyCap: 200,
  feedbackDailyCap: 200,
};

export const HONEYPOT_MESSAGE =
  'This form could not be sent, because the box marked "Leave this box empty" was filled in. Please leave it empty and send again.';
const TOO_LARGE = 'Your answers are too long to send. Please shorten the longest answers and try again.';
const TOO_MANY =
  'Several forms have been sent from this internet connection in the last hour. Please wait an hour and try again, or phone the service.';

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw badRequest('The form was not sent in the expected way. Please reload the page and try again.');
  return r.data;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(body);

/**
 * The public pages: no account, so every limit is here (body size, rate per address, honeypot,
 * a daily cap per organisation), each refused in words the person filling in the form can act on.
 */
export async function registerPublicForms(
  app: FastifyInstance,
  pool: Pool,
  now: () => Date,
  limits: PublicFormLimits,
): Promise<void> {
  await app.register(async (forms) => {
    forms.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
      const e = (err ?? {}) as { statusCode?: number };
      if (err instanceof ServiceError) return reply.status(err.status).send(err.body());
      if (e.statusCode === 413) return reply.status(413).send(new ServiceError(413, 'too_large', TOO_LARGE).body());
      if (e.statusCode === 429) return reply.status(429).send(new ServiceError(429, 'rate_limited', TOO_MANY).body());
      if (e.statusCode && e.statusCode < 500)
        return reply
          .status(400)
          .send(badRequest('The form could not be read. Please reload the page and try again.').body());
      req.log.error({ kind: err instanceof Error ? err.name : typeof err }, 'public form failed');
      return reply
        .status(500)
        .send(
          new ServiceError(
            500,
            'internal',
            'The service had a problem, so the form was not sent. Please try again later.',
          ).body(),
        );
    });
    const submitLimit = {
      rateLimit: {
        max: limits.perAddressPerHour,
        timeWindow: '1 hour',
        keyGenerator: (req: FastifyRequest) => senderKey(req.ip),
      },
    };

    forms.get('/refer/:org', async (req, reply) => {
      const org = (req.params as { org: string }).org;
      const key = uuidSchema.safeParse(org).success ? await intakeKeyFor(pool, org) : null;
      req.audit.organisationId = key ? org : null;
      return key ? html(reply, 200, referralPage(org, key)) : html(reply, 404, noReferralsPage());
    });

    forms.post('/v1/public/referrals/:org', { bodyLimit: MAX_SUBMISSION_BYTES, config: submitLimit }, async (req) => {
      const org = (req.params as { org: string }).org;
      const body = parse(publicSubmissionSchema, req.body);
      if (body.website !== '') throw badRequest(HONEYPOT_MESSAGE);
      if (!uuidSchema.safeParse(org).success || !(await intakeKeyFor(pool, org)))
        throw new ServiceError(
          404,
          'not_found',
          'This service is not taking referrals online. Please phone or email them.',
        );
      req.audit.organisationId = org;
      const reference = await acceptSubmission(
        pool,
        { organisationId: org, kind: 'referral', linkId: null },
        body,
        now(),
        limits.dailyCap,
      );
      return { v: PROTOCOL_VERSION, reference };
    });

    forms.get('/feedback/:token', async (req, reply) => {
      const token = (req.params as { token: string }).token;
      const link = await findLink(pool, token, now());
      if (link.state === 'used') return html(reply, 410, usedLinkPage());
      if (link.state === 'expired') return html(reply, 410, expiredLinkPage());
      const key = link.state === 'open' ? await intakeKeyFor(pool, link.organisationId) : null;
      if (link.state !== 'open' || !key) return html(reply, 404, unknownLinkPage());
      req.audit.organisationId = link.organisationId;
      return html(reply, 200, feedbackPage(link, key, token));
    });

    forms.post('/v1/public/feedback/:token', { bodyLimit: MAX_SUBMISSION_BYTES, config: submitLimit }, async (req) => {
      const token = (req.params as { token: string }).token;
      const body = parse(publicSubmissionSchema, req.body);
      if (body.website !== '') throw badRequest(HONEYPOT_MESSAGE);
      const link = await findLink(pool, token, now());
      if (link.state === 'used')
        throw new ServiceError(
          410,
          'gone',
          'This feedback link has already been used, so nothing was sent. Thank you for trying.',
        );
      if (link.state === 'expired')
        throw new ServiceError(
          410,
          'gone',
          'This feedback link has expired (links work for 30 days), so nothing was sent.',
        );
      if (link.state !== 'open')
        throw new ServiceError(
          404,
          'not_found',
          'This feedback link does not work. Please ask the service for a new one.',
        );
      req.audit.organisationId = link.organisationId;
      const reference = await acceptSubmission(
        pool,
        { organisationId: link.organisationId, kind: 'feedback', linkId: link.id },
        body,
        now(),
        limits.feedbackDailyCap,
      );
      return { v: PROTOCOL_VERSION, reference };
    });

    forms.get('/forms/vendor/:root/*', async (req, reply) => {
      const { root, '*': path } = req.params as { root: string; '*': string };
      const file = root === 'core' || root === 'common' ? await asset(root, path) : null;
      if (!file) return reply.status(404).headers(PAGE_HEADERS).send('Not found');
      return reply.headers(PAGE_HEADERS).type(file.type).send(file.body);
    });
    forms.get('/forms/:file', async (req, reply) => {
      const file = await asset('own', (req.params as { file: string }).file);
      if (!file) return reply.status(404).headers(PAGE_HEADERS).send('Not found');
      return reply.headers(PAGE_HEADERS).type(file.type).send(file.body);
    });
  });
}
