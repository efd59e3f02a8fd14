/**
 * What the sync status says when the service held something back, in words an advocate can act
 * on. They describe what happened, never with whom: no names, ids or record content.
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 24-hour clock, as everywhere in Heard. */
const clockTime = (at: Date) => `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;

export function rateLimitNotice(until: Date): string {
  return `The service is busy and asked this computer to wait before syncing again. Heard will try again at ${clockTime(until)}.`;
}

const CASE_LIMIT_OPENING = 'The service accepts only so many new cases from one computer in an hour';
const REFUSED_OPENING = 'The service did not accept';

export function caseLimitNotice(changes: number): string {
  return `${CASE_LIMIT_OPENING}, so ${plural(changes, 'change', 'changes')} to new cases will be sent later. They are kept on this computer.`;
}

export function refusedNotice(changes: number): string {
  return `${REFUSED_OPENING} ${plural(changes, 'change', 'changes')} made on this computer: they were to a case not allocated to you, or to records only a manager can change. What you typed is still on this computer, but Heard will not send it again; ask your manager if you need the case.`;
}

/**
 * Whether the sync status's message follows a sync that worked ('notice': it says itself what
 * became of the changes the service did not take) or one that did not ('failed': everything
 * waiting will be sent when sync works again). The screen must not promise to send refused changes.
 */
export function syncMessageKind(message: string | null): 'failed' | 'notice' | null {
  if (!message) return null;
  return [CASE_LIMIT_OPENING, REFUSED_OPENING, UNREADABLE_OPENING].some((o) => message.startsWith(o))
    ? 'notice'
    : 'failed';
}

export const WAITING_FOR_KEY_NOTICE =
  "Waiting for a manager to let this laptop read the organisation's records. Your changes are kept on this computer and will be sent once a manager has done so.";

const UNREADABLE_OPENING = 'The service sent';

export function unreadableNotice(changes: number): string {
  return `${UNREADABLE_OPENING} ${plural(changes, 'change', 'changes')} that could not be verified as written by your organisation's laptops, so ${changes === 1 ? 'it was' : 'they were'} not applied. This computer keeps its own copy. Please tell your administrator.`;
}
