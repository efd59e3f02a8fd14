import { clockSkewFlag } from '../../shared/sync/clock-skew';
import type { HeldBack } from '../sync/purge-deleted';
import type { DeviceRow } from './ops';
import { forTerminal } from './terminal-text';

/** The admin CLI's lines that carry text a device or a manager chose; every such field is escaped. */
export function deviceLine(d: DeviceRow): string {
  const clock = clockSkewFlag(d.clock_offset_ms);
  const seen = d.last_seen_at?.toISOString() ?? 'never';
  return `${d.id}  ${d.status.padEnd(8)}  ${forTerminal(d.user_name)} <${forTerminal(d.email)}>  "${forTerminal(d.name)}"  last seen ${seen}  applied ${d.synced_seq} of ${d.sent_seq} sent${clock ? `  ${clock}` : ''}`;
}

export function heldBackLine(d: HeldBack): string {
  // A device sent far more than it says it applied is not just offline: it has the deletions and is stuck, or will not say.
  const says =
    d.sentSeq > d.syncedSeq
      ? `  says it applied up to change ${d.syncedSeq} of the ${d.sentSeq} it was sent`
      : `  applied up to change ${d.syncedSeq}`;
  return `  ${d.deviceId}  ${forTerminal(d.deviceName)} (${forTerminal(d.userName)})  last seen ${d.lastSeenAt?.toISOString() ?? 'never'}${says}`;
}
