import type { Pool } from 'pg';
import {
  MAX_PULL_PAGE,
  PROTOCOL_VERSION,
  type IncomingChange,
  type PullRequest,
  type PullResponse,
} from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { recordDeviceClock } from '../auth/device-clock';

interface LogRow {
  seq: string;
  kind: string;
  mutation_id: string | null;
  entity: string | null;
  entity_id: string | null;
  case_id: string | null;
  field: string | null;
  value: unknown;
  version: string | null;
  user_id: string | null;
  device_id: string | null;
  hlc: string | null;
  conflict_id: string | null;
  from_user: string | null;
  to_user: string | null;
  c_reason: string | null;
  c_edit_value: unknown;
  c_edit_user: string | null;
  c_edit_device: string | null;
  c_edit_hlc: string | null;
  c_kept_value: unknown;
  holder?: string | null;
  c_kept_user: string | null;
  c_kept_device: string | null;
  c_kept_hlc: string | null;
}

/**
 * One page of the log after `after`, cut down to what this device may see: changes, conflicts
 * and resolutions of cases allocated to its user (everything for managers), acknowledgements of
 * its own mutations, and allocation events that concern its user. An allocation to the user
 * expands into the case's whole current state; an allocation away becomes a purge.
 */
export async function pullPage(
  pool: Pool,
  who: DeviceIdentity,
  req: PullRequest,
  now: Date,
): Promise<{ body: PullResponse; cases: string[]; audited: boolean }> {
  const limit = Math.min(req.limit ?? 1000, MAX_PULL_PAGE);
  const all = who.role !== 'advocate';
  // A page reads at most `span` seqs of the log, so its cost never grows with the log's length:
  // without the bound, PostgreSQL gathered every row after the cursor, then sorted them to keep
  // the first page. A manager sees almost every row; an advocate sees only their cases, so reads
  // further for the same page size.
  const span = all ? limit : limit * 10;
  // One statement reads the page and the organisation's head, writes the request's audit row
  // and notes how far the device has got: one round trip a page, and one
  // snapshot, so no row at or below the head can be missing from the page it read.
  const r = await pool.query<Partial<LogRow> & { head: string }>(
    `WITH page AS (
       SELECT l.seq, l.kind, l.mutation_id, l.entity, l.entity_id, l.case_id, l.field, l.value, l.version, l.user_id, l.device_id, l.hlc,
              l.conflict_id, l.from_user, l.to_user, a.user_id AS holder,
              c.reason AS c_reason, c.edit_value AS c_edit_value, c.edit_user AS c_edit_user, c.edit_device AS c_edit_device, c.edit_hlc AS c_edit_hlc,
              c.kept_value AS c_kept_value, c.kept_user AS c_kept_user, c.kept_device AS c_kept_device, c.kept_hlc AS c_kept_hlc
         FROM changes l
         LEFT JOIN allocations a ON a.organisation_id = l.organisation_id AND a.case_id = l.case_id
         LEFT JOIN conflicts c ON l.kind = 'conflict' AND c.id = l.conflict_id
        WHERE l.organisation_id = $1 AND l.seq > $2 AND l.seq <= $2 + $7
          AND (
            l.device_id = $3 AND l.mutation_id IS NOT NULL
            OR (l.kind IN ('change', 'conflict', 'resolved', 'purged')
                -- Who holds which case is for managers: an advocate's laptop is not sent allocations.
                AND ($5 OR (l.case_id IS NULL AND l.entity IS DISTINCT FROM 'case_allocation') OR a.user_id = $4)
                AND (l.kind <> 'conflict' OR c.reason <> 'wrong_case'))
            OR (l.kind = 'allocation' AND NOT $5 AND ($4 IN (l.to_user, l.from_user)))
            -- An erasure names the advocate who held the case (the allocation itself is gone).
            OR (l.kind = 'erased' AND ($5 OR l.to_user = $4))
          )
        ORDER BY l.seq
        LIMIT $6),
     -- One audit row for the request, naming its case when it touched only one.
     audited AS (
       INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status, case_count)
       SELECT $1, $4, $3, 'POST /v1/pull', CASE WHEN count(DISTINCT case_id) = 1 THEN min(case_id) END, 200, count(DISTINCT case_id) FROM page),
     -- How far this page takes the device (the cursor below, but never past the head: asking
     -- for changes after ones that do not exist yet is not being sent them).
     sent AS (SELECT CASE WHEN count(*) = $6 THEN max(seq) ELSE LEAST($2::bigint + $7, (SELECT last_seq FROM organisations WHERE id = $1)) END AS cursor FROM page),
     -- What the device says it has applied, no further than it has been sent (a claim beyond
     -- that would let a purge pass a deletion it never received). The latest report stands, even
     -- if lower: a laptop restored from an older backup is behind again. What it has been sent is
     -- kept beside it, so an administrator can tell a laptop that is behind from one that says so.
     synced AS (UPDATE devices d SET synced_seq = CASE WHEN $8::bigint IS NULL THEN d.synced_seq ELSE LEAST($8::bigint, d.sent_seq) END, sent_seq = GREATEST(d.sent_seq, s.cursor)
                  FROM sent s WHERE d.id = $3 AND (s.cursor > d.sent_seq OR ($8::bigint IS NOT NULL AND d.synced_seq <> LEAST($8::bigint, d.sent_seq))))
     SELECT h.head, page.* FROM (SELECT last_seq AS head FROM organisations WHERE id = $1) h LEFT JOIN page ON true ORDER BY page.seq`,
    [who.organisationId, req.after, who.deviceId, who.userId, all, limit, span, req.applied ?? null],
  );
  const changes: IncomingChange[] = [];
  const cases = new Set<string>();
  const head = Number(r.rows[0]?.head ?? req.after);
  const rows = r.rows.filter((row): row is LogRow & { head: string } => row.seq != null);
  for (const row of rows) {
    const seq = Number(row.seq);
    if (row.case_id) cases.add(row.case_id);
    if (row.kind === 'erased') {
      changes.push(blank(seq, 'erased', row.case_id));
      continue;
    }
    if (row.kind === 'allocation') {
      if (row.to_user === who.userId)
        changes.push(
          blank(seq, 'allocated', row.case_id),
          ...(await caseSnapshot(pool, who.organisationId, row.case_id!, seq)),
        );
      else changes.push(blank(seq, 'purge', row.case_id));
      continue;
    }
    const own = row.device_id === who.deviceId && row.mutation_id !== null;
    // This device's own change that was not applied, or one kept as a conflict for a case its
    // user does not hold (now): it hears that it was not applied, and nothing of the case.
    if (row.kind === 'refused' || (own && row.kind === 'conflict' && !all && row.holder !== who.userId)) {
      changes.push(refusal(seq, row));
      continue;
    }
    changes.push(toIncoming(row, seq));
  }
  // A full page ends at its last row; otherwise everything up to the end of the span (or the
  // head) has been read, even where none of it was for this device.
  const cursor =
    rows.length === limit ? Number(rows[rows.length - 1]!.seq) : Math.max(req.after, Math.min(req.after + span, head));
  if (req.sentAt) await recordDeviceClock(pool, who.deviceId, Date.parse(req.sentAt) - now.getTime(), now);
  return {
    body: { v: PROTOCOL_VERSION, changes, cursor, more: cursor < head, head, serverTime: now.toISOString() },
    cases: [...cases],
    audited: true,
  };
}

function blank(seq: number, kind: string, caseId: string | null): IncomingChange {
  return {
    seq,
    kind,
    mutationId: null,
    entity: null,
    entityId: null,
    caseId,
    field: null,
    version: null,
    userId: null,
    deviceId: null,
    hlc: null,
  };
}

function refusal(seq: number, row: LogRow): IncomingChange {
  const reason = row.kind === 'refused' && typeof row.value === 'string' ? row.value : 'not_held';
  return {
    ...blank(seq, 'refused', row.case_id),
    mutationId: row.mutation_id,
    entity: row.entity,
    entityId: row.entity_id,
    field: row.field,
    deviceId: row.device_id,
    reason,
  };
}

function toIncoming(row: LogRow, seq: number): IncomingChange {
  const out: IncomingChange = {
    seq,
    kind: row.kind,
    mutationId: row.mutation_id,
    entity: row.entity,
    entityId: row.entity_id,
    caseId: row.case_id,
    field: row.field,
    value: (row.value ?? null) as IncomingChange['value'],
    version: row.version === null ? null : Number(row.version),
    userId: row.user_id,
    deviceId: row.device_id,
    hlc: row.hlc,
  };
  if (row.kind === 'conflict') {
    out.conflict = {
      id: row.conflict_id!,
      reason: row.c_reason ?? 'concurrent_edit',
      edit: {
        value: (row.c_edit_value ?? null) as never,
        userId: row.c_edit_user,
        deviceId: row.c_edit_device,
        hlc: row.c_edit_hlc,
      },
      kept: {
        value: (row.c_kept_value ?? null) as never,
        version: Number(row.version ?? 0),
        userId: row.c_kept_user,
        deviceId: row.c_kept_device,
        hlc: row.c_kept_hlc,
      },
    };
  } else if (row.kind === 'resolved') {
    out.conflictId = row.conflict_id;
  }
  return out;
}

/** The case's current state, every field, given the allocation's seq so it sorts where the allocation happened. */
async function caseSnapshot(pool: Pool, org: string, caseId: string, seq: number): Promise<IncomingChange[]> {
  const r = await pool.query<{
    entity: string;
    entity_id: string;
    field: string;
    value: unknown;
    version: string;
    user_id: string | null;
    device_id: string | null;
    hlc: string | null;
  }>(
    // A purged record (nothing left but its deletion) is not sent: the log's `purged` notice tells
    // any device that still has it to remove it.
    `SELECT entity, entity_id, field, value, version, user_id, device_id, hlc FROM field_state f
      WHERE organisation_id = $1 AND case_id = $2
        AND (field <> 'deleted_at' OR EXISTS (SELECT 1 FROM field_state g WHERE g.organisation_id = f.organisation_id AND g.entity = f.entity AND g.entity_id = f.entity_id AND g.field <> 'deleted_at'))
      ORDER BY entity, entity_id, field`,
    [org, caseId],
  );
  const out: IncomingChange[] = r.rows.map((s) => ({
    seq,
    kind: 'change',
    mutationId: null,
    entity: s.entity,
    entityId: s.entity_id,
    caseId,
    field: s.field,
    value: s.value as never,
    version: Number(s.version),
    userId: s.user_id,
    deviceId: s.device_id,
    hlc: s.hlc,
  }));
  // Conflicts still waiting for a person travel with the case, so the new holder can resolve them.
  const open = await pool.query<LogRow>(
    `SELECT 0 AS seq, 'conflict' AS kind, NULL::uuid AS mutation_id, c.entity, c.entity_id, c.case_id, c.field, c.kept_value AS value, c.kept_version AS version,
            c.edit_user AS user_id, c.edit_device AS device_id, c.edit_hlc AS hlc, c.id AS conflict_id, NULL::uuid AS from_user, NULL::uuid AS to_user,
            c.reason AS c_reason, c.edit_value AS c_edit_value, c.edit_user AS c_edit_user, c.edit_device AS c_edit_device, c.edit_hlc AS c_edit_hlc,
            c.kept_value AS c_kept_value, c.kept_user AS c_kept_user, c.kept_device AS c_kept_device, c.kept_hlc AS c_kept_hlc
       FROM conflicts c WHERE c.organisation_id = $1 AND c.case_id = $2 AND c.resolved_at IS NULL AND c.reason <> 'wrong_case' ORDER BY c.created_at`,
    [org, caseId],
  );
  for (const row of open.rows) out.push(toIncoming(row, seq));
  return out;
}
