import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { FEEDBACK_LINK_TTL_MS, type FeedbackAudience } from '../../shared/intake/online-forms';
import type { PublicSubmission, Submission } from '../../shared/sync/intake';
import { hashSecret, newSecret } from '../auth/secrets';
import { ServiceError } from '../errors';
import { inTransaction } from '../db/tx';
import { holdsCurrentEpoch, notKeyHolderMessage } from '../keys/rotation-due';

/**
 * The service's side of the online forms: it keeps ciphertext, public keys and hashes of link
 * tokens, and hands sealed submissions to a manager's laptop until that laptop acknowledges them.
 */

export interface IntakeKey {
  organisationName: string;
  epoch: number;
  publicKey: string;
}

/** The organisation's newest published intake key; null when none (the page then says to phone). */
export async function intakeKeyFor(pool: Pool, organisationId: string): Promise<IntakeKey | null> {
  const r = await pool.query<{ name: string; epoch: number | null; public_key: string | null }>(
    `SELECT o.name, k.epoch, k.public_key FROM organisations o
       LEFT JOIN LATERAL (SELECT epoch, public_key FROM intake_keys WHERE organisation_id = o.id ORDER BY epoch DESC LIMIT 1) k ON true
      WHERE o.id = $1`,
    [organisationId],
  );
  const row = r.rows[0];
  if (!row || row.epoch === null || row.public_key === null) return null;
  return { organisationName: row.name, epoch: row.epoch, publicKey: row.public_key };
}

/**
 * Set once per epoch: a second, different key for the same epoch is refused, never swapped in.
 * Once the organisation has key epochs, only one of them may have an intake key, so a laptop
 * cannot point the page at an epoch nobody holds.
 */
export async function publishIntakeKey(
  pool: Pool,
  who: { organisationId: string; deviceId: string },
  epoch: number,
  publicKey: string,
  now: Date,
): Promise<void> {
  const epochs = await pool.query<{ known: boolean; any: boolean }>(
    'SELECT bool_or(epoch = $2) AS known, count(*) > 0 AS any FROM key_epochs WHERE organisation_id = $1',
    [who.organisationId, epoch],
  );
  const e = epochs.rows[0]!;
  if (e.any && !e.known)
    throw new ServiceError(
      409,
      'conflict',
      `The service has no key epoch ${epoch} for this organisation, so no intake key was published for it.`,
    );
  if (e.any && !(await holdsCurrentEpoch(pool, who.organisationId, who.deviceId)))
    throw new ServiceError(403, 'forbidden', notKeyHolderMessage);
  await pool.query(
    'INSERT INTO intake_keys (organisation_id, epoch, public_key, published_by, published_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
    [who.organisationId, epoch, publicKey, who.deviceId, now],
  );
  const held = await pool.query<{ public_key: string }>(
    'SELECT public_key FROM intake_keys WHERE organisation_id = $1 AND epoch = $2',
    [who.organisationId, epoch],
  );
  if (held.rows[0]?.public_key !== publicKey)
    throw new ServiceError(
      409,
      'conflict',
      `The service already holds a different intake key for key epoch ${epoch}. Nothing was changed.`,
    );
}

const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A number a referrer can read out on the phone; W for web, so it never meets a laptop's R numbers. */
function newReference(now: Date): string {
  const code = Array.from(randomBytes(6), (b) => REF_ALPHABET[b % 32]).join('');
  return `W${String(now.getUTCFullYear()).slice(2)}-${code}`;
}

export const dailyCapMessage =
  'This service has received as many online forms as it can take today. Please try again tomorrow, or phone the service if it is urgent.';

/**
 * Keeps one sealed submission, counted against the organisation's daily cap for its kind in the
 * same transaction (referrals in intake_daily, feedback by the links used that day, under a lock
 * so two at once cannot both pass); for a feedback link, the link is used up in that transaction
 * too, so two browsers sending at once cannot both use it.
 */
export async function acceptSubmission(
  pool: Pool,
  target: { organisationId: string; kind: 'referral' | 'feedback'; linkId: string | null },
  body: PublicSubmission,
  now: Date,
  dailyCap: number,
): Promise<string> {
  return inTransaction(pool, async (c) => {
    const day = now.toISOString().slice(0, 10);
    if (target.kind === 'referral') {
      const counted = await c.query<{ accepted: number }>(
        `INSERT INTO intake_daily (organisation_id, day, accepted) VALUES ($1, $2, 1)
           ON CONFLICT (organisation_id, day) DO UPDATE SET accepted = intake_daily.accepted + 1 RETURNING accepted`,
        [target.organisationId, day],
      );
      if (counted.rows[0]!.accepted > dailyCap) throw new ServiceError(429, 'rate_limited', dailyCapMessage);
    } else {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('heard-feedback-cap:' || $1))", [target.organisationId]);
      const used = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM feedback_links
          WHERE organisation_id = $1 AND used_at >= $2 AND used_at < $3`,
        [target.organisationId, new Date(`${day}T00:00:00Z`), new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)],
      );
      if (used.rows[0]!.n >= dailyCap) throw new ServiceError(429, 'rate_limited', dailyCapMessage);
    }
    const known = await c.query('SELECT 1 FROM intake_keys WHERE organisation_id = $1 AND epoch = $2', [
      target.organisationId,
      body.epoch,
    ]);
    if (!known.rowCount)
      throw new ServiceError(
        409,
        'conflict',
        'This form was made for an older key. Please reload the page and send it again.',
      );
    if (target.linkId) {
      const used = await c.query(
        'UPDATE feedback_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2',
        [target.linkId, now],
      );
      if (!used.rowCount)
        throw new ServiceError(
          410,
          'gone',
          'This feedback link has already been used or has expired, so nothing was sent. Thank you for trying.',
        );
    }
    const reference = newReference(now);
    await c.query(
      'INSERT INTO intake_submissions (id, organisation_id, kind, reference, epoch, enc, ciphertext, link_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [randomUUID(), target.organisationId, target.kind, reference, body.epoch, body.enc, body.ct, target.linkId, now],
    );
    return reference;
  });
}

export type LinkState =
  | { state: 'open'; id: string; organisationId: string; caseId: string; audience: FeedbackAudience }
  | { state: 'used' | 'expired' | 'unknown' };

/** What a feedback link's token opens; the token itself is never stored, only its hash. */
export async function findLink(pool: Pool, token: string, now: Date): Promise<LinkState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' };
  const r = await pool.query<{
    id: string;
    organisation_id: string;
    case_id: string;
    audience: FeedbackAudience;
    expires_at: Date;
    used_at: Date | null;
  }>('SELECT id, organisation_id, case_id, audience, expires_at, used_at FROM feedback_links WHERE token_hash = $1', [
    hashSecret(token),
  ]);
  const row = r.rows[0];
  if (!row) return { state: 'unknown' };
  if (row.used_at) return { state: 'used' };
  if (row.expires_at.getTime() <= now.getTime()) return { state: 'expired' };
  return {
    state: 'open',
    id: row.id,
    organisationId: row.organisation_id,
    caseId: row.case_id,
    audience: row.audience,
  };
}

/**
 * A one-time link for a case's feedback. An advocate may ask only for a case allocated to them;
 * a manager for any case the service knows in their organisation and has not erased.
 */
export async function createLink(
  pool: Pool,
  who: { organisationId: string; userId: string; deviceId: string; role: string },
  caseId: string,
  audience: FeedbackAudience,
  now: Date,
) {
  const facts = await pool.query<{ holder: string | null; live: boolean }>(
    `SELECT (SELECT user_id FROM allocations WHERE organisation_id = $1 AND case_id = $2) AS holder,
            EXISTS (SELECT 1 FROM case_origins WHERE organisation_id = $1 AND case_id = $2)
              AND NOT EXISTS (SELECT 1 FROM erased_cases WHERE organisation_id = $1 AND case_id = $2) AS live`,
    [who.organisationId, caseId],
  );
  const { holder, live } = facts.rows[0]!;
  const mayAsk = who.role === 'advocate' ? holder === who.userId : holder !== null || live;
  if (!mayAsk)
    throw new ServiceError(
      403,
      'forbidden',
      'A feedback link can only be made for a case you hold that has been synced. Sync, then try again.',
    );
  const id = randomUUID();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + FEEDBACK_LINK_TTL_MS);
  await pool.query(
    'INSERT INTO feedback_links (id, organisation_id, case_id, audience, token_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [id, who.organisationId, caseId, audience, hashSecret(token), who.deviceId, now, expiresAt],
  );
  return { linkId: id, token, expiresAt: expiresAt.toISOString() };
}

/** Sealed submissions waiting for the organisation's managers, oldest first. */
export async function waitingSubmissions(
  pool: Pool,
  organisationId: string,
  limit: number,
): Promise<{ submissions: Submission[]; more: boolean }> {
  const r = await pool.query<{
    id: string;
    kind: 'referral' | 'feedback';
    reference: string;
    epoch: number;
    enc: string;
    ciphertext: string;
    received_at: Date;
    link_id: string | null;
    case_id: string | null;
    audience: FeedbackAudience | null;
  }>(
    `SELECT s.id, s.kind, s.reference, s.epoch, s.enc, s.ciphertext, s.received_at, s.link_id, l.case_id, l.audience
       FROM intake_submissions s LEFT JOIN feedback_links l ON l.id = s.link_id
      WHERE s.organisation_id = $1 ORDER BY s.received_at, s.id LIMIT $2`,
    [organisationId, limit + 1],
  );
  const rows = r.rows.slice(0, limit);
  return {
    more: r.rows.length > limit,
    submissions: rows.map((s) => ({
      id: s.id,
      kind: s.kind,
      reference: s.reference,
      epoch: s.epoch,
      enc: s.enc,
      ct: s.ciphertext,
      receivedAt: s.received_at.toISOString(),
      link: s.link_id && s.case_id && s.audience ? { id: s.link_id, caseId: s.case_id, audience: s.audience } : null,
    })),
  };
}

/** Deletes what a manager's laptop has safely stored; ids of another organisation are ignored. */
export async function acknowledge(pool: Pool, organisationId: string, ids: string[]): Promise<number> {
  const r = await pool.query('DELETE FROM intake_submissions WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [
    organisationId,
    ids,
  ]);
  return r.rowCount ?? 0;
}
