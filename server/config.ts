import { readFileSync } from 'node:fs';

export interface ServerConfig {
  /** Null: no DATABASE_URL, so the embedded trial database in `trialDir` is used. */
  databaseUrl: string | null;
  trialDir: string;
  host: string;
  port: number;
  tls: { key: Buffer; cert: Buffer } | null;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Reads DATABASE_URL, HOST, PORT, TLS_CERT_PATH, TLS_KEY_PATH and HEARD_TRIAL_DIR. Plain HTTP is
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
  if (!tls && !LOOPBACK.has(host)) throw new Error(`Refusing plain HTTP on ${host}: set TLS_CERT_PATH and TLS_KEY_PATH, or listen on 127.0.0.1.`);
  if (!databaseUrl && !LOOPBACK.has(host)) throw new Error(`Refusing to serve ${host} from the embedded trial database: set DATABASE_URL to a PostgreSQL database.`);
  return { databaseUrl, trialDir, host, port, tls };
}
