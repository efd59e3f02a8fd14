import type { ChangedGroup } from './change-collector';

export type { ChangedGroup } from './change-collector';

/**
 * The `detail` column of an audit entry. Older entries hold a short text; entries written now hold
 * JSON with who was using Heard (the advocate's id on this computer), any text, and the records and
 * fields the call changed, grouped by kind of record. Only ids, counts and field names: never a
 * value, a name or a note.
 */
export interface EntryDetail {
  by: string | null;
  text: string | null;
  changed: ChangedGroup[];
}

const VERSION = 1;

export function encodeDetail(d: EntryDetail): string {
  return JSON.stringify({ v: VERSION, by: d.by, text: d.text, changed: d.changed });
}

export function decodeDetail(raw: string | null): EntryDetail {
  if (raw === null) return { by: null, text: null, changed: [] };
  if (raw.startsWith(`{"v":${VERSION},`)) {
    try {
      const parsed = JSON.parse(raw) as Partial<EntryDetail>;
      return {
        by: parsed.by ?? null,
        text: parsed.text ?? null,
        changed: Array.isArray(parsed.changed) ? parsed.changed : [],
      };
    } catch {
      // Not ours after all: shown as written.
    }
  }
  return { by: null, text: raw, changed: [] };
}
