import type { PoolClient } from 'pg';
import type { DeviceIdentity } from '../auth/authenticate';
import { ServiceError } from '../errors';

/** Cases one organisation may erase from the service in any 24 hours (HEARD_ERASE_CASES_PER_DAY). */
export const DEFAULT_ERASE_CASES_PER_DAY = 50;
/** The `rule` eraseCases records, so erasures by other paths do not spend this allowance. */
export const ERASED_ON_REVIEW = "retention review on a manager's laptop";
const DAY_MS = 24 * 60 * 60 * 1000;

const NO_KEY =
  'Only a manager’s laptop that holds the organisation’s current key can erase cases. Sync this laptop so a manager’s laptop can give it the key, then try again. Nothing was erased.';

const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Erasure cannot be undone, so a stolen manager's sign-in alone must not be enough to wipe an
 * organisation's records (attack finding 5). Once the organisation has keys, the device must hold
 * a wrap of the current epoch, which only a manager's laptop holding that epoch can give it; and
 * however trusted the device, at most `perDay` cases a day go, so a hostile one does limited harm
 * before someone notices. Runs inside the organisation's locked transaction, so two requests
 * cannot both spend the same allowance.
 */
export async function checkMayErase(
  client: PoolClient,
  who: DeviceIdentity,
  count: number,
  now: Date,
  perDay: number,
): Promise<void> {
  const held = await client.query<{ epochs: boolean; holds: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM key_epochs WHERE organisation_id = $1) AS epochs,
            EXISTS (SELECT 1 FROM wrapped_keys w WHERE w.organisation_id = $1 AND w.device_id = $2
                      AND w.epoch = (SELECT max(epoch) FROM key_epochs e WHERE e.organisation_id = $1)) AS holds`,
    [who.organisationId, who.deviceId],
  );
  if (held.rows[0]!.epochs && !held.rows[0]!.holds) throw new ServiceError(403, 'forbidden', NO_KEY);
  if (count === 0) return;
  if (count > perDay) {
    throw new ServiceError(
      429,
      'rate_limited',
      `The service erases at most ${perDay} cases a day for an organisation, and this was ${count}. Erase them in smaller groups over several days. Nothing was erased.`,
    );
  }
  const since = new Date(now.getTime() - DAY_MS);
  const recent = await client.query<{ at: Date }>(
    'SELECT erased_at AS at FROM erased_cases WHERE organisation_id = $1 AND rule = $2 AND erased_at > $3 ORDER BY erased_at',
    [who.organisationId, ERASED_ON_REVIEW, since],
  );
  const left = perDay - recent.rows.length;
  if (count <= left) return;
  // The moment enough of the last day's erasures are a day old to make room for this request.
  const freeAt = new Date(recent.rows[count - left - 1]!.at.getTime() + DAY_MS);
  throw new ServiceError(
    429,
    'rate_limited',
    `The service erases at most ${perDay} cases a day for an organisation and ${Math.max(0, left)} more can be erased now. These ${count} can be erased from ${ukTime.format(freeAt)}. Nothing was erased.`,
  );
}
