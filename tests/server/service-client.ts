import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { PROTOCOL_VERSION, type IncomingChange, type OutgoingChange } from '../../shared/sync/protocol';

/** A device as an attacker would drive it: raw requests to the service, nothing of the laptop's own checks. */
export interface RawDevice {
  token: string;
  deviceId: string;
  push(
    changes: Partial<OutgoingChange>[],
    resolutions?: { conflictId: string; choice: string }[],
  ): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }>;
  /** Every page after `after` (0: from the start); returns the rows and what the service answered, raw. */
  pullAll(after?: number): Promise<{ changes: IncomingChange[]; raw: string }>;
}

let hlc = 0;
export function change(over: Partial<OutgoingChange>): OutgoingChange {
  hlc++;
  return {
    mutationId: uuidv7(),
    entity: 'person',
    entityId: uuidv7(),
    caseId: null,
    field: 'first_name',
    value: 'x',
    baseVersion: 0,
    hlc: `${String(Date.now()).padStart(15, '0')}-${String(hlc % 100000).padStart(5, '0')}-raw`,
    ...over,
  };
}

export async function rawDevice(app: FastifyInstance, pool: Pool, userId: string): Promise<RawDevice> {
  const { code } = await ops.issueEnrolmentCode(pool, userId);
  const enrolled = await app.inject({
    method: 'POST',
    url: '/v1/enrol',
    payload: { v: PROTOCOL_VERSION, code, deviceName: 'raw' },
  });
  const { accessToken, deviceId } = enrolled.json() as { accessToken: string; deviceId: string };
  const post = (url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { authorization: `Bearer ${accessToken}` },
    });
  return {
    token: accessToken,
    deviceId,
    async push(changes, resolutions) {
      const res = await post('/v1/push', {
        v: PROTOCOL_VERSION,
        changes: changes.map((c) => change(c)),
        ...(resolutions ? { resolutions } : {}),
      });
      return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers };
    },
    async pullAll(after = 0) {
      const changes: IncomingChange[] = [];
      let raw = '';
      for (;;) {
        const res = await post('/v1/pull', { v: PROTOCOL_VERSION, after });
        if (res.statusCode !== 200) throw new Error(`pull answered ${res.statusCode}`);
        raw += res.body;
        const page = res.json() as { changes: IncomingChange[]; cursor: number; more: boolean };
        changes.push(...page.changes);
        after = page.cursor;
        if (!page.more) return { changes, raw };
      }
    },
  };
}
