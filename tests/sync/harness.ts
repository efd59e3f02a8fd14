import type { FastifyInstance } from 'fastify';
import type { Db } from '../../electron/core/db/database';
import type { EntitySpec } from '../../electron/core/db/entities';
import { Writer, type FieldValue } from '../../electron/core/db/mutations';
import { SyncClient } from '../../electron/core/sync/client';
import type { Transport } from '../../electron/core/sync/transport';
import { wipeLocalData } from '../../electron/core/sync/wipe';
import { appendAudit } from '../../electron/core/audit/audit-log';
import { buildServer, type ServerOptions } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { createTestDatabase, type TestDatabase } from '../server/pg-harness';

/** Two small synced tables stand in for the app's entities, so these tests do not depend on them. */
export const testRegistry: Record<string, EntitySpec> = {
  t_cases: { table: 't_cases', fields: ['name', 'status'] },
  t_notes: { table: 't_notes', fields: ['title', 'body', 'status'], jsonFields: ['body'] },
  t_people: { table: 't_people', fields: ['first_name', 'last_name', 'date_of_birth'] },
};

const TEST_TABLES = `
  CREATE TABLE IF NOT EXISTS t_cases (id TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT, deleted_at TEXT) STRICT;
  CREATE TABLE IF NOT EXISTS t_notes (id TEXT PRIMARY KEY, title TEXT, body TEXT, status TEXT, deleted_at TEXT) STRICT;
  CREATE TABLE IF NOT EXISTS t_people (id TEXT PRIMARY KEY, first_name TEXT, last_name TEXT, date_of_birth TEXT, deleted_at TEXT) STRICT;
`;

/** Calls the in-process server without sockets, as a device's transport would over HTTPS. */
export function injectTransport(app: FastifyInstance): Transport {
  return async (url, init) => {
    const u = new URL(url);
    const res = await app.inject({ method: init.method, url: u.pathname, headers: init.headers, payload: init.body });
    return {
      status: res.statusCode,
      json: async () => JSON.parse(res.body) as unknown,
      headers: {
        get: (name: string) => {
          const v = res.headers[name.toLowerCase()];
          return v === undefined ? null : String(v);
        },
      },
    };
  };
}

export interface Service {
  db: TestDatabase;
  app: FastifyInstance;
  transport: Transport;
  org: string;
  /** A new laptop enrolled for `userId`; disposed of by `close()`. */
  enrolledDevice(userId: string): Promise<Device>;
  /** Every laptop `enrolledDevice` made, in order. */
  devices: Device[];
  close(): Promise<void>;
}

/**
 * Tests sync far more often than a laptop does (every step of a property run), so by default
 * the per-device request limits are out of the way; tests of the limits pass their own.
 */
const ROOMY = { burst: 100_000, perMinute: 100_000 };

/**
 * `keys`: the service's keys endpoints, off unless asked for. With them a manager's laptop makes
 * the organisation's key at its first sync and every other laptop then waits to be admitted, so
 * tests of anything but the keys would first have to admit each laptop; tests of sealed values
 * give laptops the key directly instead (e2e-setup.ts).
 */
export async function startService(
  options: Partial<Pick<ServerOptions, 'deviceRateLimits' | 'accessLimits' | 'logger' | 'keys'>> = {},
): Promise<Service> {
  const db = await createTestDatabase();
  const app = await buildServer({
    pool: db.pool,
    authRateLimit: 10_000,
    deviceRateLimits: { push: ROOMY, pull: ROOMY, keys: ROOMY },
    keys: false,
    ...options,
  });
  const org = await ops.createOrganisation(db.pool, 'Test Advocacy Service');
  const service: Service = {
    db,
    app,
    transport: injectTransport(app),
    org,
    devices: [],
    async enrolledDevice(userId) {
      const d = await Device.create(service.transport);
      await d.enrol(service, userId);
      service.devices.push(d);
      return d;
    },
    async close() {
      for (const d of service.devices) d.dispose();
      await app.close();
      await db.drop();
    },
  };
  return service;
}

export const SERVICE_URL = 'http://127.0.0.1:8443';

export class Device {
  readonly client: SyncClient;
  /** Every mutation id this device wrote, for "no edit lost" checks. */
  readonly written: { mutationId: string; entity: string; entityId: string; field: string; value: string | null }[] =
    [];

  /** Swappable so a reset device can be put on another network. */
  private readonly transport: { current: Transport };

  private constructor(
    readonly t: TestCore,
    transport: Transport,
  ) {
    const core = t.core;
    this.transport = { current: transport };
    this.client = new SyncClient({
      db: () => core.vault.database(),
      isUnlocked: () => core.vault.isUnlocked,
      emit: () => {},
      now: () => new Date(),
      transport: (url, init) => this.transport.current(url, init),
      registry: testRegistry,
      wipe: (kind, message) => wipeLocalData(core.vault, { kind, message, at: new Date().toISOString() }),
      deviceName: 'test laptop',
      clock: () => core.context.clock(),
      // As the app does, so tests can read what the trail says of a sync.
      audit: (entries) => appendAudit(core.vault.database(), 'test-laptop', new Date(), entries),
    });
  }

  static async create(transport: Transport): Promise<Device> {
    const t = await createTestCore({ autoSync: false });
    t.core.vault.database().exec(TEST_TABLES);
    return new Device(t, transport);
  }

  get db(): Db {
    return this.t.core.vault.database();
  }

  async enrol(service: Service, userId: string): Promise<void> {
    const { code } = await ops.issueEnrolmentCode(service.db.pool, userId);
    await this.client.connect(SERVICE_URL, code);
  }

  write(entity: string, id: string, caseId: string | null, fields: Record<string, FieldValue>): void {
    const db = this.db;
    db.transaction(() => {
      const before = db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;
      new Writer(db, this.t.core.context.clock(), testRegistry).upsert(entity, id, caseId, fields);
      const rows = db
        .prepare('SELECT mutation_id, entity, entity_id, field, value FROM outbox WHERE seq > ?')
        .all(before) as {
        mutation_id: string;
        entity: string;
        entity_id: string;
        field: string;
        value: string | null;
      }[];
      for (const r of rows)
        this.written.push({
          mutationId: r.mutation_id,
          entity: r.entity,
          entityId: r.entity_id,
          field: r.field,
          value: r.value,
        });
    }).immediate();
  }

  row(table: string, id: string): Record<string, unknown> | undefined {
    return this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  }

  rows(table: string): Record<string, unknown>[] {
    return this.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
  }

  outboxCount(): number {
    return this.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  }

  /** Back to a fresh, unconnected store (cheaper than a new vault for property-test runs). */
  reset(transport?: Transport): void {
    this.db
      .exec(`DELETE FROM t_cases; DELETE FROM t_notes; DELETE FROM t_people; DELETE FROM org_keys; DELETE FROM meta WHERE key = 'e2e_required'; DELETE FROM outbox; DELETE FROM field_versions; DELETE FROM sync_account;
      DELETE FROM sync_record_cases; DELETE FROM sync_parked; DELETE FROM sync_conflicts; DELETE FROM sync_pending_purges; DELETE FROM sync_pending_tombstones;`);
    this.written.length = 0;
    if (transport) this.transport.current = transport;
  }

  dispose(): void {
    this.client.stop();
    this.t.dispose();
  }
}
