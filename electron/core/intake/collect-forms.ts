import { onlineFeedbackSchema, onlineReferralSchema } from '../../../shared/intake/online-forms';
import { intakeAckResponseSchema, intakePullResponseSchema, type Submission } from '../../../shared/sync/intake';
import { currentOrgKey, orgKeyFor } from '../e2e/keyring';
import type { NewAuditEntry } from '../audit/audit-log';
import type { CoreContext } from '../ipc/handler-types';
import type { SyncStep, SyncStepResult } from '../sync/sync-step';
import { SyncHttpError } from '../sync/transport';
import { deriveIntakeKeyPair, openSubmission, type CryptoKeyPair } from './intake-key';
import { writeOnlineFeedback } from './online-feedback';
import { writeOnlineReferral } from './online-referral';
import { checkLink } from './link-record';
import { ensureServedKey } from './served-key';

export { PUBLISHED_KEY } from './served-key';

export interface CollectCounts {
  referrals: number;
  feedback: number;
  /** Could not be opened or read with a key this laptop holds: damaged, or not made by the form. */
  unreadable: number;
  /** Opened but not written here (a problem on this computer): kept on the service for next time. */
  failed: number;
  /** Feedback the service named another case or audience for than the link this laptop made. */
  wrongCase?: number;
}

export function collectNotice(c: CollectCounts): string | null {
  const one = (n: number, a: string, b: string) => (n === 1 ? a : b);
  const parts = [
    c.unreadable
      ? `${c.unreadable} online form${one(c.unreadable, '', 's')} could not be opened: ${one(c.unreadable, 'it was', 'they were')} damaged or not sent by the service's form, and ${one(c.unreadable, 'has', 'have')} been removed from the service.`
      : null,
    c.failed
      ? `${c.failed} online form${one(c.failed, '', 's')} could not be saved on this computer; ${one(c.failed, 'it is', 'they are')} kept on the service and Heard will try again.`
      : null,
    c.wrongCase
      ? `${c.wrongCase} online feedback answer${one(c.wrongCase, ' was', 's were')} sent back by the service for a different case from the one ${one(c.wrongCase, 'its link was', 'their links were')} made for on this computer, so ${one(c.wrongCase, 'it was', 'they were')} not added to any case and ${one(c.wrongCase, 'has', 'have')} been removed from the service. Tell whoever runs the service.`
      : null,
  ];
  return parts.filter(Boolean).join(' ') || null;
}

/**
 * The online forms' part of a manager's sync (docs/e2e.md, Online forms): publish the intake
 * public key for the newest epoch, collect sealed submissions, open them here, write them through
 * the Writer, and only then tell the service to delete them. Advocates' laptops do nothing here.
 */
export function collectOnlineForms(
  ctx: Pick<CoreContext, 'db' | 'write' | 'now'>,
  audit: (entries: NewAuditEntry[]) => void = () => {},
): SyncStep {
  return async ({ account, request }): Promise<SyncStepResult> => {
    const none = { changed: [], notice: null };
    if (account.role === 'advocate') return none;
    const db = ctx.db();
    const current = currentOrgKey(db);
    if (!current) return none;
    const c: CollectCounts = { referrals: 0, feedback: 0, unreadable: 0, failed: 0 };
    // Said first: the person must hear that the public pages sealed to a stranger's key.
    let keyNotice: string | null = null;
    const withKey = (n: string | null) => [keyNotice, n].filter(Boolean).join(' ') || null;
    try {
      const mine = await deriveIntakeKeyPair(current.key, account.organisation_id);
      keyNotice = await ensureServedKey(db, request, { epoch: current.epoch, publicKey: mine.publicKey });
      const pairs = new Map<number, CryptoKeyPair>([[current.epoch, mine.keyPair]]);
      for (;;) {
        const page = await request('/v1/intake/pull', { limit: 50 }, intakePullResponseSchema);
        const done: string[] = [];
        for (const sub of page.submissions) {
          let pair = pairs.get(sub.epoch);
          const key = pair ? null : orgKeyFor(db, sub.epoch);
          if (!pair && key)
            pairs.set(sub.epoch, (pair = (await deriveIntakeKeyPair(key, account.organisation_id)).keyPair));
          // An epoch this laptop was never given: left for a laptop that holds it.
          if (!pair) continue;
          // One form that cannot be written here does not hold back the others.
          const outcome = await take(ctx, pair, account.organisation_id, sub, c, audit).catch(
            () => (c.failed++, 'keep' as const),
          );
          if (outcome !== 'keep') done.push(sub.id);
        }
        if (done.length) await request('/v1/intake/ack', { ids: done }, intakeAckResponseSchema);
        if (!page.more || !done.length) break;
      }
    } catch (e) {
      if (e instanceof SyncHttpError && e.endsDevice) throw e;
      const why = e instanceof SyncHttpError ? e.message : 'a problem on this computer';
      return {
        changed: changedOf(c),
        notice: withKey(
          `Online forms could not all be collected this time (${why}). They are kept on the service and Heard will try again.`,
        ),
      };
    }
    return { changed: changedOf(c), notice: withKey(collectNotice(c)) };
  };
}

const changedOf = (c: CollectCounts): string[] => [
  ...(c.referrals ? ['referral', 'person'] : []),
  ...(c.feedback ? ['feedback_form'] : []),
];

type Audit = (entries: NewAuditEntry[]) => void;
const METHOD = 'sync.online-forms';

async function take(
  ctx: Pick<CoreContext, 'db' | 'write' | 'now'>,
  pair: CryptoKeyPair,
  organisationId: string,
  sub: Submission,
  c: CollectCounts,
  audit: Audit,
): Promise<'done' | 'keep'> {
  let answers: unknown;
  try {
    answers = JSON.parse(
      await openSubmission(
        pair,
        { organisationId, kind: sub.kind, link: sub.kind === 'feedback' ? sub.link : null },
        sub,
      ),
    );
  } catch {
    c.unreadable++;
    return 'done';
  }
  if (sub.kind === 'referral') {
    const r = onlineReferralSchema.safeParse(answers);
    if (!r.success) return (c.unreadable++, 'done');
    const made = writeOnlineReferral(ctx, sub, r.data);
    if (made.written) {
      c.referrals++;
      audit([{ action: 'received-online', method: METHOD, caseId: made.caseId, detail: 'a referral' }]);
    }
    return 'done';
  }
  const f = onlineFeedbackSchema.safeParse(answers);
  if (!f.success || !sub.link) return (c.unreadable++, 'done');
  if (checkLink(ctx.db(), sub.link) === 'mismatch') return ((c.wrongCase = (c.wrongCase ?? 0) + 1), 'done');
  const out = writeOnlineFeedback(ctx, sub, f.data);
  if (out === 'written') {
    c.feedback++;
    audit([{ action: 'received-online', method: METHOD, caseId: sub.link.caseId, detail: 'a feedback form' }]);
  }
  return out === 'case_not_here' ? 'keep' : 'done';
}
