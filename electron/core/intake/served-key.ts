import { z } from 'zod';
import { intakeServedKeyResponseSchema } from '../../../shared/sync/intake';
import type { Db } from '../db/database';
import type { SyncStepIo } from '../sync/sync-step';
import { SyncHttpError } from '../sync/transport';

/** `epoch:public key` last published by this laptop, so it is sent once per epoch unless the service lost it. */
export const PUBLISHED_KEY = 'intake_key_published';
/** Set while the service's pages seal to a key this laptop did not derive; intake.status then says so. */
export const WRONG_KEY = 'intake_key_wrong';
const okSchema = z.object({ ok: z.literal(true) });

export const wrongKeyPutRight =
  "The service's public referral page and feedback links were sealing forms to a key that is not your organisation's. Heard has put your organisation's key back, but referrals and feedback sent online meanwhile may have been read by someone else. Tell your data protection lead.";
export const wrongKeyStays =
  "The service's public referral page and feedback links are sealing forms to a key that is not your organisation's, and the service did not let Heard put the right one back. Referrals and feedback sent online may be read by someone else: stop giving out the referral page and feedback links, and tell your data protection lead and whoever runs the service.";

const newerUnknown = (epoch: number) =>
  `The service's public referral page and feedback links seal forms to a key for key set ${epoch}, which this laptop has not been given. If no manager of your organisation has changed its keys, referrals and feedback sent online may be read by someone else: tell your data protection lead and whoever runs the service.`;

const setMeta = (db: Db, key: string, value: string) =>
  db
    .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);

/**
 * Finding 6 of the attack review: a manager's token alone (or the service itself) could point the
 * public pages at a key that is not derived from the organisation's data key, and capture what
 * people send. At every collection the laptop asks which key the pages serve (the same lookup the
 * pages use), republishes its own when that differs, and answers a plain-words notice if the pages
 * were, or still are, sealing to a key that is not the organisation's. Null when all is well.
 */
export async function ensureServedKey(
  db: Db,
  request: SyncStepIo['request'],
  mine: { epoch: number; publicKey: string },
): Promise<string | null> {
  const stamp = `${mine.epoch}:${mine.publicKey}`;
  const isMine = (k: { epoch: number; publicKey: string } | null) =>
    k !== null && k.epoch === mine.epoch && k.publicKey === mine.publicKey;
  const publish = async () => {
    try {
      await request('/v1/intake/key', { epoch: mine.epoch, publicKey: mine.publicKey }, okSchema);
      setMeta(db, PUBLISHED_KEY, stamp);
    } catch (e) {
      // A refusal is answered by the check below; losing the device or the network is not.
      if (!(e instanceof SyncHttpError) || e.endsDevice || e.code === 'offline') throw e;
    }
  };
  if (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(PUBLISHED_KEY) !== stamp) await publish();
  let served = (await request('/v1/intake/key/served', {}, intakeServedKeyResponseSchema)).key;
  const wasWrong = served !== null && !isMine(served);
  if (!isMine(served)) {
    await publish();
    served = (await request('/v1/intake/key/served', {}, intakeServedKeyResponseSchema)).key;
  }
  if (served !== null && !isMine(served)) {
    setMeta(db, WRONG_KEY, `${served.epoch}:${served.publicKey}`);
    // A newer epoch may be a rotation this laptop has yet to be given: it cannot tell, so it says both.
    return served.epoch > mine.epoch ? newerUnknown(served.epoch) : wrongKeyStays;
  }
  db.prepare('DELETE FROM meta WHERE key = ?').run(WRONG_KEY);
  return wasWrong ? wrongKeyPutRight : null;
}
