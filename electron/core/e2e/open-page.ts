import { claimsEnvelope } from '../../../shared/sync/envelope';
import { plainValueFits, staysPlain, writtenByService } from '../../../shared/sync/plain-fields';
import type { IncomingChange, PullResponse } from '../../../shared/sync/protocol';
import type { E2eMode } from './mode';
import type { ValueKeyring } from './value-keys';
import { openValue, type OpenFailure, type ValuePlace } from './values';

/** A row of a pulled page that was not applied because a value in it did not open. Ids only. */
export interface UnreadableRow {
  seq: number;
  entity: string | null;
  entityId: string | null;
  field: string | null;
  caseId: string | null;
  why: OpenFailure;
}

/** Rows that carry a field's value; other kinds carry codes (a refusal's reason, a resolution's choice). */
const VALUE_KINDS = new Set(['change', 'noop', 'superseded', 'conflict', 'purged']);

/**
 * Opens every sealed value of a pulled page in place, before it is applied (docs/e2e.md, Values).
 * A row with a value that does not open becomes kind `unreadable`, which the apply step skips
 * (acknowledging this laptop's own mutation, so it is not sent again, and keeping this laptop's
 * copy of the field). In sealed mode a plain value is refused for every field but the few that
 * stay plain (plain-fields.ts) and the service's own people, since a hostile service could inject one; in plain mode an envelope cannot be opened and is
 * refused too, never written into a record as if it were the value.
 */
export function openPage(
  page: PullResponse,
  mode: Exclude<E2eMode, 'waiting'>,
  keys: ValueKeyring | null,
): UnreadableRow[] {
  const unreadable: UnreadableRow[] = [];
  // A case's state sent on allocation comes right after the `allocated` row, at its seq: the one
  // kind of change row that names no mutation (server/sync/pull.ts, caseSnapshot).
  const snapshots = new Set(page.changes.filter((c) => c.kind === 'allocated').map((c) => `${c.seq}|${c.caseId}`));
  for (const c of page.changes) {
    if (!VALUE_KINDS.has(c.kind) || c.entity === null || c.entityId === null || c.field === null) continue;
    const snapshot = snapshots.has(`${c.seq}|${c.caseId}`);
    const why = openRow(
      c,
      {
        organisationId: keys?.organisationId ?? '',
        entity: c.entity,
        entityId: c.entityId,
        field: c.field,
        caseId: c.caseId,
      },
      mode,
      keys,
      snapshot,
    );
    if (why) {
      unreadable.push({ seq: c.seq, entity: c.entity, entityId: c.entityId, field: c.field, caseId: c.caseId, why });
      c.kind = 'unreadable';
      c.value = null;
      c.conflict = null;
    }
  }
  return unreadable;
}

function openRow(
  c: IncomingChange,
  place: ValuePlace,
  mode: Exclude<E2eMode, 'waiting'>,
  keys: ValueKeyring | null,
  snapshot: boolean,
): OpenFailure | null {
  // Only a change row's value was written by the row's own mutation; acknowledgements and
  // conflicts carry the value the service kept, sealed under the mutation that wrote it.
  const own = c.kind === 'change' ? c.mutationId : null;
  const open = (v: unknown, mid: string | null): { ok: true; value: unknown } | { ok: false; why: OpenFailure } => {
    if (staysPlain(place.entity, place.field)) {
      if (claimsEnvelope(v)) return { ok: false, why: 'malformed' };
      return mode === 'plain' || plainValueFits(place.field, v)
        ? { ok: true, value: v ?? null }
        : { ok: false, why: 'malformed' };
    }
    if (mode === 'plain' || (writtenByService(place.entity) && !claimsEnvelope(v)))
      return claimsEnvelope(v) ? { ok: false, why: 'unknown_epoch' } : { ok: true, value: v ?? null };
    if (!keys) return { ok: false, why: 'unknown_epoch' };
    // A change row is written by its own mutation; without one (but in a case's state on
    // allocation) the service could replay any older value of the field as the newest.
    if (c.kind === 'change' && c.mutationId === null && !snapshot) return { ok: false, why: 'moved' };
    return openValue(keys.keyFor, place, v, mid);
  };
  if (c.kind === 'conflict') {
    const k = c.conflict;
    if (!k) return null;
    // The edit that lost was sealed under the mutation the row names (when it names one).
    const edit = open(k.edit.value, c.mutationId);
    if (!edit.ok) return edit.why;
    // Version 0 means the service held no value for the field (the edit met a bare deletion).
    const kept =
      k.kept.version === 0 && k.kept.value === null ? { ok: true as const, value: null } : open(k.kept.value, null);
    if (!kept.ok) return kept.why;
    k.edit.value = edit.value as never;
    k.kept.value = kept.value as never;
    c.value = kept.value as never;
    return null;
  }
  if (c.value === undefined) return null;
  const r = open(c.value, own);
  if (!r.ok) return r.why;
  c.value = r.value as never;
  return null;
}
