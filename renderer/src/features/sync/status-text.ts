import type { SyncStatus } from '../../../../shared/ipc/sync';

/**
 * The sync card's warning, in full. After a failed sync everything waiting will go when sync
 * works again; after a sync that worked but where the service did not take some changes, the
 * message already says what became of them, and promising to send refused changes would be untrue.
 */
export function syncProblemText(message: string | null, kind: SyncStatus['lastErrorKind']): string | null {
  if (!message) return null;
  if (kind === 'notice') return message;
  return `${message} Your changes are kept on this computer and will be sent when sync works again.`;
}
