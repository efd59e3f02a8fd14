import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { migrateServer, serverMigrations } from '../../server/db/migrate';
import { createTestDatabase } from './pg-harness';

describe('service configuration', () => {
  it('refuses plain HTTP except on loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', PORT: '8443' })).toThrow(/Refusing plain HTTP/);
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080', DATABASE_URL: 'postgres://x@y/z' })).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      tls: null,
      databaseUrl: 'postgres://x@y/z',
    });
  });

  it('reads how many new cases and requests one device may make, and refuses nonsense', () => {
    expect(loadConfig({}).newCasesPerHour).toBe(200);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HEARD_TRUST_PROXY: '10.0.0.2, 10.0.0.3' }).trustProxy).toBe('10.0.0.2, 10.0.0.3');
    expect(loadConfig({ HEARD_NEW_CASES_PER_HOUR: '1000' }).newCasesPerHour).toBe(1000);
    expect(() => loadConfig({ HEARD_NEW_CASES_PER_HOUR: 'lots' })).toThrow(/HEARD_NEW_CASES_PER_HOUR/);
    expect(loadConfig({}).eraseCasesPerDay).toBe(50);
    expect(loadConfig({ HEARD_ERASE_CASES_PER_DAY: '200' }).eraseCasesPerDay).toBe(200);
    expect(() => loadConfig({ HEARD_ERASE_CASES_PER_DAY: '0' })).toThrow(/HEARD_ERASE_CASES_PER_DAY/);
    expect(loadConfig({ HEARD_PULL_PER_MINUTE: '600' }).deviceRateLimits).toMatchObject({
      pull: { perMinute: 600, burst: 300 },
      push: { perMinute: 60, burst: 30 },
    });
    expect(() => loadConfig({ HEARD_PUSH_PER_MINUTE: '0' })).toThrow(/HEARD_PUSH_PER_MINUTE/);
    expect(loadConfig({}).bytesPerDevicePerDay).toBe(100 * 1024 * 1024);
    expect(loadConfig({ HEARD_DEVICE_MB_PER_DAY: '500' }).bytesPerDevicePerDay).toBe(500 * 1024 * 1024);
    expect(() => loadConfig({ HEARD_DEVICE_MB_PER_DAY: '0.5' })).toThrow(/HEARD_DEVICE_MB_PER_DAY/);
  });

  it('needs both the TLS certificate and key', () => {
    expect(() => loadConfig({ TLS_CERT_PATH: '/nowhere/cert.pem' })).toThrow(/both/);
  });

  it('applies its migrations once, so restarting the service is safe', async () => {
    const db = await createTestDatabase();
    try {
      expect(await migrateServer(db.pool)).toEqual([]);
      const r = await db.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(r.rows.map((m: { version: number }) => m.version)).toEqual(serverMigrations.map((m) => m.version));
    } finally {
      await db.drop();
    }
  });
});
