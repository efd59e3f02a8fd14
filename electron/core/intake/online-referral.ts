import { createHash } from 'node:crypto';
import { personFieldsSchema } from '../../../shared/domain/caseload';
import type { ReferralSource, ServiceUserType } from '../../../shared/domain/codes';
import { todayIso } from '../../../shared/domain/dates';
import { personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { requiredDefaults, toColumns } from '../../../shared/domain/records/define';
import type { OnlineReferral, ReferrerRole, Situation } from '../../../shared/intake/online-forms';
import type { Submission } from '../../../shared/sync/intake';
import type { CoreContext } from '../ipc/handler-types';
import { newReference } from '../caseload/referrals';
import { findPossibleMatch } from './match';

/**
 * Record ids for what a submission becomes, derived from its encapsulated key: fresh in each
 * browser's sealing and bound by HPKE to the ciphertext, so nobody without the sender's
 * ephemeral key can reuse it for other words. Two managers' laptops collecting the same
 * submission write the same records, the same ciphertext delivered twice (a replay) is written
 * once, and a service cannot make one collide with a case that exists.
 */
export function idFor(what: 'case' | 'person' | 'feedback', sub: Pick<Submission, 'enc'>): string {
  const h = createHash('sha256').update(`heard/intake/${what}|${sub.enc}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const SOURCE: Record<ReferrerRole, ReferralSource> = {
  young_person: 'self',
  social_worker: 'social_worker',
  foster_carer: 'carer',
  carer: 'keyworker',
  parent: 'parent',
  other: 'other',
};
const ROLE_WORDS: Record<ReferrerRole, string> = {
  young_person: 'the young person',
  social_worker: 'social worker',
  foster_carer: 'foster carer',
  carer: 'carer or keyworker',
  parent: 'parent',
  other: 'someone else',
};
const USER_TYPE: Record<Situation, ServiceUserType | null> = {
  in_care: 'CIC',
  care_leaver: 'CL',
  child_protection: 'CP',
  child_in_need: 'CIN',
  homeless: 'JA',
  not_sure: null,
};
const KNOWS = { yes: 'Yes', no: 'No', not_sure: 'Not sure' } as const;

/** Answers the referral record has no field for are kept in "what they are asking for", labelled. */
function requestText(r: OnlineReferral): string {
  const parts = [
    r.request,
    `Does the young person know about this referral and want an advocate? ${KNOWS[r.knowsAboutReferral]}.`,
  ];
  if (r.contactYoungPerson) parts.push(`How to contact the young person safely: ${r.contactYoungPerson}`);
  return parts.join('\n\n').slice(0, 5000);
}

/**
 * Writes an online referral through the Writer (so it syncs like any other), awaiting
 * allocation, marked online, with a possible match flagged. Nothing is written twice.
 */
export function writeOnlineReferral(
  ctx: Pick<CoreContext, 'write' | 'now'>,
  sub: Submission,
  r: OnlineReferral,
): { caseId: string; written: boolean } {
  const caseId = idFor('case', sub);
  const personId = idFor('person', sub);
  return ctx.write((w, db) => {
    if (db.prepare('SELECT 1 FROM referrals WHERE id = ?').get(caseId)) return { caseId, written: false };
    const received = new Date(sub.receivedAt);
    const today = todayIso(ctx.now());
    const dateOfBirth = r.dateOfBirth && r.dateOfBirth <= today ? r.dateOfBirth : null;
    const person = personFieldsSchema.parse({
      kind: 'young_person',
      firstName: r.firstName || null,
      lastName: r.lastName || null,
      preferredName: r.preferredName || null,
      dateOfBirth,
      localAuthority: r.localAuthority || null,
      communicationNeeds: r.communication || null,
      interpreterNeeded: r.interpreterLanguage !== '',
      interpreterLanguage: r.interpreterLanguage || null,
    });
    const match = findPossibleMatch(db, {
      firstName: r.firstName,
      lastName: r.lastName,
      preferredName: r.preferredName,
      dateOfBirth,
    });
    w.upsert('person', personId, caseId, {
      ...requiredDefaults(personRecord),
      ...toColumns(personRecord, person),
      created_at: received.toISOString(),
    });
    const taken = db.prepare('SELECT 1 FROM referrals WHERE reference = ?');
    const reference =
      /^W\d{2}-[0-9A-Z]{6}$/.test(sub.reference) && !taken.get(sub.reference)
        ? sub.reference
        : newReference(db, received);
    const referrer = [r.referrerName, `(${ROLE_WORDS[r.referrerRole]})`].filter(Boolean).join(' ');
    w.upsert('referral', caseId, caseId, {
      ...requiredDefaults(referralRecord),
      ...toColumns(referralRecord, {
        referralDate: todayIso(received),
        source: SOURCE[r.referrerRole],
        referrer: referrer.slice(0, 300),
        referrerContact: r.referrerContact || null,
        serviceUserType: USER_TYPE[r.situation],
        urgency: r.urgent === 'yes' ? 'high' : 'standard',
        urgencyReason: r.urgentWhy || null,
        request: requestText(r),
      }),
      reference,
      person_id: personId,
      status: 'awaiting_allocation',
      received_via: 'online',
      possible_match: match,
      created_at: received.toISOString(),
    });
    return { caseId, written: true };
  });
}
