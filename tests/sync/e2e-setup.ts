import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Pool } from 'pg';
import { saveOrgKey } from '../../electron/core/e2e/keyring';
import { openPage } from '../../electron/core/e2e/open-page';
import { ValueKeyring } from '../../electron/core/e2e/value-keys';
import { openValue, sealValue } from '../../electron/core/e2e/values';
import { claimsEnvelope } from '../../shared/sync/envelope';
import { staysPlain } from '../../shared/sync/plain-fields';
import type { OutgoingChange, PullResponse } from '../../shared/sync/protocol';
import { change } from '../server/service-client';
import type { Device } from './harness';

export interface Place {
  entity: string;
  entityId: string;
  field: string;
  caseId: string | null;
}

/**
 * The organisation key of a test, given to laptops directly (as the keys work will through
 * admission): the same 32 bytes on each laptop and a `key_epochs` row on the service, so the
 * service refuses plain values from then on. The test reads the service's sealed values with it.
 */
export class TestOrgKey {
  readonly key = randomBytes(32);
  private readonly rings = new Map<string, ValueKeyring>();

  ring(org: string): ValueKeyring {
    let r = this.rings.get(org);
    if (!r) this.rings.set(org, (r = new ValueKeyring(org, [{ epoch: 1, key: this.key }])));
    return r;
  }

  /** Encryption on for `org` (its first device made the epoch) and the key on each laptop. */
  async enable(pool: Pool, org: string, laptops: readonly Device[] = []): Promise<void> {
    await pool.query(
      `INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at)
       SELECT $1, 1, id, now() FROM devices WHERE organisation_id = $1 ORDER BY created_at LIMIT 1 ON CONFLICT DO NOTHING`,
      [org],
    );
    const made = await pool.query('SELECT 1 FROM key_epochs WHERE organisation_id = $1', [org]);
    if (!made.rowCount)
      throw new Error('Enrol a device before turning encryption on: the epoch names the device that made it.');
    for (const d of laptops) this.give(d);
  }

  give(d: Device): void {
    d.db.prepare('DELETE FROM org_keys').run();
    saveOrgKey(d.db, { epoch: 1, key: this.key }, new Date());
  }

  /** A service-side value as the laptops would read it; a plain value (deleted_at, a code) as it is. */
  open(org: string, p: Place, value: unknown): unknown {
    if (!claimsEnvelope(value)) return value;
    const r = openValue(this.ring(org).keyFor, { organisationId: org, ...p }, value);
    if (!r.ok) throw new Error(`A sealed value of ${p.entity} ${p.entityId} ${p.field} did not open (${r.why}).`);
    return r.value;
  }

  /** A raw device's change with its value sealed, as a member's laptop would send it. */
  sealed(org: string, over: Partial<OutgoingChange>): OutgoingChange {
    const c = change(over);
    if (staysPlain(c.entity, c.field)) return c;
    const ring = this.ring(org);
    return {
      ...c,
      value: sealValue(
        ring.current()!,
        { organisationId: org, entity: c.entity, entityId: c.entityId, field: c.field, caseId: c.caseId },
        c.mutationId,
        c.value,
      ) as never,
    };
  }

  /** What a member holding the key reads in a pulled page: every value it can open, opened. */
  reveal(org: string, pageJson: string): string {
    return pageJson
      .split(/(?<=\})(?=\{"v":)/)
      .map((one) => {
        const page = JSON.parse(one) as PullResponse;
        openPage(page, 'sealed', this.ring(org));
        return JSON.stringify(page);
      })
      .join('\n');
  }
}

/** Rows whose values must be sealed: all but deleted_at, allocations and the service's own people (plain-fields.ts). */
const SEALED_ONLY = "field <> 'deleted_at' AND entity NOT IN ('case_allocation', 'advocate')";

/**
 * Sealing really happened: no value but deleted_at (and codes on rows that carry no value) is
 * plain on the service. Returns how many sealed values the service holds, for a test to show it
 * checked something.
 */
export async function expectSealed(pool: Pool, org: string): Promise<number> {
  const plain = await pool.query<{ src: string; field: string }>(
    `SELECT 'field_state' AS src, field FROM field_state WHERE organisation_id = $1 AND ${SEALED_ONLY} AND NOT (value ? '$e2e')
     UNION ALL SELECT 'changes', field FROM changes WHERE organisation_id = $1 AND kind IN ('change', 'noop', 'superseded', 'conflict') AND ${SEALED_ONLY} AND value IS NOT NULL AND NOT (value ? '$e2e') AND NOT (kind = 'conflict' AND version = 0)
     UNION ALL SELECT 'conflicts', field FROM conflicts WHERE organisation_id = $1 AND ${SEALED_ONLY} AND (NOT (edit_value ? '$e2e') OR NOT (kept_value ? '$e2e') AND kept_version > 0)`,
    [org],
  );
  expect(plain.rows, 'plain values on the service').toEqual([]);
  const sealed = await pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM field_state WHERE organisation_id = $1 AND value ? '$e2e'",
    [org],
  );
  return Number(sealed.rows[0]!.n);
}

/** A service row's value as the laptops read it: opened when the test runs with encryption, as stored otherwise. */
export function valueReader(
  e2e: TestOrgKey | null,
  org: string,
): (r: { entity: string; entity_id: string; field: string; case_id: string | null; value: unknown }) => unknown {
  return (r) =>
    e2e
      ? e2e.open(org, { entity: r.entity, entityId: r.entity_id, field: r.field, caseId: r.case_id }, r.value)
      : r.value;
}

/** The property tests run twice: as before, and with every value sealed. */
export const ENCRYPTION_MODES = [
  { name: 'plain', sealed: false },
  { name: 'with encryption on', sealed: true },
] as const;
