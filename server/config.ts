import { readFileSync } from 'node:fs';
import { DEFAULT_ACCESS_LIMITS } from './sync/access';
import { DEFAULT_BYTES_PER_DEVICE_PER_DAY } from './sync/byte-quota';
import { DEFAULT_DEVICE_RATE_LIMITS, type DeviceRateLimits, type RateLimit } from './sync/device-limits';

export interface ServerConfig {
  /** Null: no DATABASE_URL, so the embedded trial database in `trialDir` is used. */
  databaseUrl: string | null;
  trialDir: string;
  host: string;
  port: number;
  tls: { key: Buffer; cert: Buffer } | null;
  /** New cases one device may make in an hour (HEARD_NEW_CASES_PER_HOUR; raise it for a large import). */
  newCasesPerHour: number;
  /** Cases one organisation may erase from the service in any 24 hours. */
  eraseCasesPerDay: number;
  /** Requests one device may send each minute (HEARD_PUSH_PER_MINUTE, HEARD_PULL_PER_MINUTE); half a minute's worth at once. */
  deviceRateLimits: DeviceRateLimits;
  /** Megabytes of pushes one device may send in a UTC day (HEARD_DEVICE_MB_PER_DAY). */
  bytesPerDevicePerDay: number;
  /** HEARD_TRUST_PROXY: addresses of a reverse proxy in front (comma-separated), whose X-Forwarded-For is believed. */
  trustProxy: string | false;
}

const MB = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Reads DATABASE_URL, HOST, PORT, TLS_CERT_PATH, TLS_KEY_PATH, HEARD_TRIAL_DIR, and the limits
 * HEARD_NEW_CASES_PER_HOUR, HEARD_PUSH_PER_MINUTE, HEARD_PULL_PER_MINUTE and HEARD_DEVICE_MB_PER_DAY, and HEARD_TRUST_PROXY. Plain HTTP is
 * refused unless the service listens on loopback only: advocates' devices must never send records
 * unencrypted. Without DATABASE_URL the service runs on an embedded trial database, which is for
 * trying Heard on one computer and so is refused anywhere but loopback too.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || null;
  const trialDir = env.HEARD_TRIAL_DIR || 'heard-trial-data';
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a port number.');
  const certPath = env.TLS_CERT_PATH;
  const keyPath = env.TLS_KEY_PATH;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new Error('Set both TLS_CERT_PATH and TLS_KEY_PATH, or neither.');
  const tls = certPath && keyPath ? { cert: readFileSync(certPath), key: readFileSync(keyPath) } : null;
  if (!tls && !LOOPBACK.has(host))
    throw new Error(`Refusing plain HTTP on ${host}: set TLS_CERT_PATH and TLS_KEY_PATH, or listen on 127.0.0.1.`);
  if (!databaseUrl && !LOOPBACK.has(host))
    throw new Error(
      `Refusing to serve ${host} from the embedded trial database: set DATABASE_URL to a PostgreSQL database.`,
    );
  const newCasesPerHour = Number(env.HEARD_NEW_CASES_PER_HOUR ?? DEFAULT_ACCESS_LIMITS.newCasesPerHour);
  if (!Number.isInteger(newCasesPerHour) || newCasesPerHour < 1)
    throw new Error('HEARD_NEW_CASES_PER_HOUR must be a whole number of cases, at least 1.');
  const eraseCasesPerDay = Number(env.HEARD_ERASE_CASES_PER_DAY ?? DEFAULT_ACCESS_LIMITS.eraseCasesPerDay);
  if (!Number.isInteger(eraseCasesPerDay) || eraseCasesPerDay < 1)
    throw new Error('HEARD_ERASE_CASES_PER_DAY must be a whole number of cases, at least 1.');
  const perMinute = (name: string, fallback: RateLimit): RateLimit => {
    if (env[name] === undefined) return fallback;
    const n = Number(env[name]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of requests, at least 1.`);
    return { perMinute: n, burst: Math.max(1, Math.round(n / 2)) };
  };
  const deviceRateLimits = {
    push: perMinute('HEARD_PUSH_PER_MINUTE', DEFAULT_DEVICE_RATE_LIMITS.push),
    pull: perMinute('HEARD_PULL_PER_MINUTE', DEFAULT_DEVICE_RATE_LIMITS.pull),
    keys: DEFAULT_DEVICE_RATE_LIMITS.keys,
  };
  const mb = Number(env.HEARD_DEVICE_MB_PER_DAY ?? DEFAULT_BYTES_PER_DEVICE_PER_DAY / MB);
  if (!Number.isInteger(mb) || mb < 1)
    throw new Error('HEARD_DEVICE_MB_PER_DAY must be a whole number of megabytes, at least 1.');
  const trustProxy = env.HEARD_TRUST_PROXY?.trim() || false;
  return {
    databaseUrl,
    trialDir,
    host,
    port,
    tls,
    newCasesPerHour,
    eraseCasesPerDay,
    deviceRateLimits,
    bytesPerDevicePerDay: mb * MB,
    trustProxy,
  };
}
