import { z } from 'zod';
import { feedbackAudiences, type LinkBinding } from '../../../shared/intake/online-forms';
import type { Db } from '../db/database';

/**
 * This laptop's own record of the feedback links it made, kept in its encrypted store: link id ->
 * case and audience. The service's word on a link's case is checked against it at collection
 * (attack review finding 11), so a service that moves an answer to another case is caught even
 * when it also lied to the browser about the link's case when serving the page.
 */
const PREFIX = 'feedback_link:';
const recordSchema = z.object({ caseId: z.string(), audience: z.enum(feedbackAudiences) });

export function rememberLink(db: Db, link: LinkBinding): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    PREFIX + link.id,
    JSON.stringify({ caseId: link.caseId, audience: link.audience }),
  );
}

/**
 * `mismatch` when this laptop made the link for another case or audience; `unknown` when it was
 * made on another laptop (the answer then rests on the browser having sealed the link's case and
 * audience into the ciphertext's associated data, docs/e2e.md, Online forms).
 */
export function checkLink(db: Db, link: LinkBinding): 'matches' | 'mismatch' | 'unknown' {
  const raw = db
    .prepare('SELECT value FROM meta WHERE key = ?')
    .pluck()
    .get(PREFIX + link.id);
  if (typeof raw !== 'string') return 'unknown';
  const mine = recordSchema.safeParse(JSON.parse(raw));
  if (!mine.success) return 'mismatch';
  return mine.data.caseId === link.caseId && mine.data.audience === link.audience ? 'matches' : 'mismatch';
}
