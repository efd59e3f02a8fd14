import type { EntitySpec } from './entities';

/** A value as the app holds it: text, numbers, yes/no, lists and objects. */
export type FieldValue = string | number | boolean | null | readonly unknown[] | { readonly [k: string]: unknown };
/** A value as SQLite stores it. */
export type Column = string | number | null;

/**
 * The one mapping between a field's value and its stored column, used by the write path and by
 * sync alike (sync carries each field as stored, so what one device writes another stores the
 * same). JSON fields are stored as JSON text, yes/no as 1/0.
 */
export function toColumn(spec: EntitySpec | undefined, field: string, value: unknown): Column {
  if (value === null || value === undefined) return null;
  if (spec?.jsonFields?.includes(field)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return JSON.stringify(value);
}

/** The stored column back to the app's value: JSON parsed, yes/no fields as true/false. */
export function fromColumn(spec: EntitySpec | undefined, field: string, stored: unknown): FieldValue {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'string' && spec?.jsonFields?.includes(field)) {
    try {
      return JSON.parse(stored) as FieldValue;
    } catch {
      // Not JSON after all (written before the field held JSON): keep the words.
      return stored;
    }
  }
  if (spec?.booleanFields?.includes(field) && typeof stored === 'number') return stored !== 0;
  return stored as FieldValue;
}

/**
 * A value received from sync as this device stores it. Sync carries each field as stored, so a
 * JSON field arrives as its JSON text already and is kept as sent.
 */
export function columnFromSync(spec: EntitySpec | undefined, field: string, value: unknown): Column {
  if (typeof value === 'string' && spec?.jsonFields?.includes(field)) return value;
  return toColumn(spec, field, value);
}

/** Reads a row back with every field as the app holds it, for services that return records. */
export function fromRow<T>(spec: EntitySpec, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...row };
  for (const f of [...(spec.jsonFields ?? []), ...(spec.booleanFields ?? [])]) out[f] = fromColumn(spec, f, out[f]);
  return out as T;
}
