import type { Pool } from 'pg';

/**
 * Keeps how far a device's clock is from the service's (device minus service), as it said when
 * it last pulled. Written only when it moved by more than a minute or was last checked over an
 * hour ago, so a catch-up of many pages does not rewrite the device row for every page.
 */
export async function recordDeviceClock(pool: Pool, deviceId: string, offsetMs: number, now: Date): Promise<void> {
  await pool.query(
    `UPDATE devices SET clock_offset_ms = $2, clock_checked_at = $3
      WHERE id = $1 AND (clock_offset_ms IS NULL OR abs(clock_offset_ms - $2) > 60000 OR clock_checked_at < $3::timestamptz - interval '1 hour')`,
    [deviceId, Math.round(offsetMs), now],
  );
}
