import { RateLimitedError } from './device-limits';

/**
 * How many bytes of pushes one device may send the service in a (UTC) day. The request limits
 * bound how often a device sends; this bounds how much, so one device cannot fill the service's
 * disk with large values. Kept in memory like the request limits: a restart forgets it.
 */
export const DEFAULT_BYTES_PER_DEVICE_PER_DAY = 100 * 1024 * 1024;

const DAY_MS = 24 * 60 * 60_000;

export class DeviceByteQuota {
  /** Today's bytes per device; a new day starts the map again, so it never holds yesterday's. */
  private used = new Map<string, number>();
  private day = -1;

  constructor(private readonly bytesPerDay: number) {}

  /** Throws 429, with the seconds to the next UTC day, once the device has sent its day's bytes. */
  check(deviceId: string, nowMs: number): void {
    if ((this.today(nowMs).get(deviceId) ?? 0) < this.bytesPerDay) return;
    const wait = Math.max(1, Math.ceil(((this.day + 1) * DAY_MS - nowMs) / 1000));
    throw new RateLimitedError(
      wait,
      `This computer has sent the service as much as it accepts from one computer in a day (${Math.round(this.bytesPerDay / (1024 * 1024))} MB). Your changes are kept on this computer and will be sent tomorrow.`,
    );
  }

  add(deviceId: string, bytes: number, nowMs: number): void {
    const used = this.today(nowMs);
    used.set(deviceId, (used.get(deviceId) ?? 0) + bytes);
  }

  private today(nowMs: number): Map<string, number> {
    const day = Math.floor(nowMs / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.used = new Map();
    }
    return this.used;
  }
}
