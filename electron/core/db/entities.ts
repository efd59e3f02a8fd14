/**
 * The synced record types and the columns a change may touch. The mutation path refuses anything
 * not listed here, so a new field must be declared before it can be written or synced.
 * Features add their entity specs to `entityRegistry` in `entity-registry.ts`.
 */
export interface EntitySpec {
  /** SQL table; has `id TEXT PRIMARY KEY` and, for synced entities, `deleted_at TEXT`. */
  readonly table: string;
  /** Columns that may be written, besides `id`. Values are stored as given (JSON text for objects). */
  readonly fields: readonly string[];
  /** Fields whose value is JSON (arrays, objects, rich text); stored as text, returned parsed. */
  readonly jsonFields?: readonly string[];
  /** Yes/no fields: stored as 1/0, returned as true/false. */
  readonly booleanFields?: readonly string[];
}
