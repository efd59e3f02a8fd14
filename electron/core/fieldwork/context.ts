import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';

/** What the field-work services need; a benchmark can supply it around a plain database. */
export type FieldCtx = Pick<CoreContext, 'db' | 'write' | 'now'>;

/** The case a live record belongs to, or a plain-words `not_found`. */
export function caseOf(db: Db, table: string, id: string, what: string): string {
  const caseId = db.prepare(`SELECT case_id FROM ${table} WHERE id = ? AND deleted_at IS NULL`).pluck().get(id) as
    string | undefined;
  if (caseId === undefined)
    throw new AppError(
      'not_found',
      `This ${what} could not be found. It may have been deleted, perhaps on another device.`,
    );
  return caseId;
}

export function parseJsonArray<T>(text: unknown): T[] {
  if (typeof text !== 'string') return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
