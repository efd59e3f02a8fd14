import { readFileSync } from 'node:fs';

export interface ServerConfig {
  databaseUrl: string;
  host: string;
  port: number;
  tls: { key: Buffer; cert: Buffer } | null;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Reads DATABASE_URL, HOST, PORT, TLS_CERT_PATH and TLS_KEY_PATH. Plain HTTP is refused unless the
 * service listens on loopback only: advocates' devices must never send records unencrypted.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/heard';
  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be a port number.');
  const certPath = env.TLS_CERT_PATH;
  const keyPath = env.TLS_KEY_PATH;
  if (Boolean(certPath) !== Boolean(keyPath)) throw new Error('Set both TLS_CERT_PATH and TLS_KEY_PATH, or neither.');
  const tls = certPath && keyPath ? { cert: readFileSync(certPath), key: readFileSync(keyPath) } : null;
  if (!tls && !LOOPBACK.has(host)) throw new Error(`Refusing plain HTTP on ${host}: set TLS_CERT_PATH and TLS_KEY_PATH, or listen on 127.0.0.1.`);
  return { databaseUrl, host, port, tls };
}
