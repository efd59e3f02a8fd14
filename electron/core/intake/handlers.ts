import { displayName } from '../../../shared/domain/caseload';
import { AppError } from '../../../shared/ipc/errors';
import type { intakeMethods, OnlineReferralInfo } from '../../../shared/ipc/intake';
import { feedbackLinkResponseSchema } from '../../../shared/sync/intake';
import type { Db } from '../db/database';
import type { CoreContext, HandlersFor } from '../ipc/handler-types';
import { rememberLink } from './link-record';
import { PUBLISHED_KEY, WRONG_KEY } from './served-key';

interface Row {
  person_id: string | null;
  received_via: string | null;
  possible_match: string | null;
  match_decision: 'confirmed' | 'dismissed' | null;
}

function referralRow(db: Db, caseId: string): Row {
  const row = db
    .prepare(
      'SELECT person_id, received_via, possible_match, match_decision FROM referrals WHERE id = ? AND deleted_at IS NULL',
    )
    .get(caseId) as Row | undefined;
  if (!row)
    throw new AppError(
      'not_found',
      'This referral could not be found. It may have been deleted or moved to another advocate.',
    );
  return row;
}

function info(db: Db, caseId: string): OnlineReferralInfo {
  const r = referralRow(db, caseId);
  const open = r.possible_match && !r.match_decision;
  const p = open
    ? (db
        .prepare(
          'SELECT id, first_name, last_name, preferred_name, date_of_birth FROM people WHERE id = ? AND deleted_at IS NULL',
        )
        .get(r.possible_match) as
        | {
            id: string;
            first_name: string | null;
            last_name: string | null;
            preferred_name: string | null;
            date_of_birth: string | null;
          }
        | undefined)
    : undefined;
  const references = p
    ? (db
        .prepare(
          'SELECT reference FROM referrals WHERE person_id = ? AND id <> ? AND deleted_at IS NULL ORDER BY referral_date',
        )
        .pluck()
        .all(p.id, caseId) as string[])
    : [];
  return {
    receivedOnline: r.received_via === 'online',
    match: p
      ? {
          personId: p.id,
          displayName: displayName({ firstName: p.first_name, lastName: p.last_name, preferredName: p.preferred_name }),
          dateOfBirth: p.date_of_birth,
          references,
        }
      : null,
    decision: r.match_decision,
  };
}

/**
 * A manager's answer to "is this the young person we already know?". Confirming points the
 * referral at the known person, so their history is one; the details the form gave stay in the
 * store as the referral's own person record was written, never deleted.
 */
function decide(ctx: CoreContext, caseId: string, decision: 'confirmed' | 'dismissed'): OnlineReferralInfo {
  ctx.write((w, db) => {
    const r = referralRow(db, caseId);
    if (!r.possible_match || r.match_decision)
      throw new AppError('conflict', 'There is no possible match waiting for a decision on this referral.');
    const known = db.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(r.possible_match);
    if (decision === 'confirmed' && !known)
      throw new AppError(
        'not_found',
        'The young person this referral may match has since been removed, so it cannot be joined to them.',
      );
    w.upsert(
      'referral',
      caseId,
      caseId,
      decision === 'confirmed'
        ? { person_id: r.possible_match, match_decision: 'confirmed' }
        : { match_decision: 'dismissed' },
    );
  });
  ctx.emit({ type: 'changed', entity: 'referral' });
  return info(ctx.db(), caseId);
}

export const intakeHandlers: HandlersFor<keyof typeof intakeMethods> = {
  'intake.status': (_input, ctx) => {
    const a = ctx.sync.account();
    if (!a) return { state: 'not_connected', pageUrl: null };
    if (a.role === 'advocate') return { state: 'not_manager', pageUrl: null };
    // No address to hand out while the pages seal to a stranger's key (served-key.ts).
    if (ctx.db().prepare('SELECT 1 FROM meta WHERE key = ?').get(WRONG_KEY))
      return { state: 'wrong_key', pageUrl: null };
    const published = ctx.db().prepare('SELECT 1 FROM meta WHERE key = ?').get(PUBLISHED_KEY);
    return published
      ? { state: 'open', pageUrl: `${a.service_url}/refer/${a.organisation_id}` }
      : { state: 'waiting_for_key', pageUrl: null };
  },
  'intake.referralInfo': (input, ctx) => info(ctx.db(), input.caseId),
  'intake.decideMatch': (input, ctx) => decide(ctx, input.caseId, input.decision),
  'intake.feedbackLink': async (input, ctx) => {
    referralRow(ctx.db(), input.caseId);
    const out = await ctx.sync.withService((api, t) =>
      api.post('/v1/feedback-links', { caseId: input.caseId, audience: input.audience }, feedbackLinkResponseSchema, t),
    );
    rememberLink(ctx.db(), { id: out.linkId, caseId: input.caseId, audience: input.audience });
    return { url: `${ctx.sync.account()!.service_url}/feedback/${out.token}`, expiresAt: out.expiresAt };
  },
};
