import type { AuditActionName } from '../../../../shared/ipc/audit';
import { formatUkDate } from '../../../../shared/domain/dates';

export const auditActionLabels: Record<AuditActionName, string> = {
  'case-opened': 'Opened the case',
  edited: 'Changed a record',
  corrected: 'Corrected a saved detail',
  exported: 'Exported',
  printed: 'Printed',
  'letter-sent': 'Sent a letter',
  synced: 'Synced with the service',
  unlocked: 'Unlocked Heard',
  'unlock-failed': 'Wrong passphrase entered',
  'retention-deleted': 'Deleted at the end of its retention period',
  'backup-made': 'Made a backup',
  restored: 'Restored from a backup',
  'subject-access-export': 'Exported for a subject access request',
};

/** "2026-03-07T14:05:00.000Z" -> "07/03/2026 14:05" in the computer's time zone. */
export function formatUkDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatUkDate(local)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

