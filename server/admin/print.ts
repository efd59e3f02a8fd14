import { clockSkewFlag } from '../../shared/sync/clock-skew';
import type { DeviceRow } from './ops';
import { forTerminal } from './terminal-text';

/** The admin CLI's lines that carry text a device or a manager chose; every such field is escaped. */
export function deviceLine(d: DeviceRow): string {
  const clock = clockSkewFlag(d.clock_offset_ms);
  const seen = d.last_seen_at?.toISOString() ?? 'never';
  return `${d.id}  ${d.status.padEnd(8)}  ${forTerminal(d.user_name)} <${forTerminal(d.email)}>  "${forTerminal(d.name)}"  last seen ${seen}${clock ? `  ${clock}` : ''}`;
}

export function heldBackLine(d: { deviceId: string; deviceName: string; userName: string; lastSeenAt: Date | null }): string {
  return `  ${d.deviceId}  ${forTerminal(d.deviceName)} (${forTerminal(d.userName)})  last seen ${d.lastSeenAt?.toISOString() ?? 'never'}`;
}
