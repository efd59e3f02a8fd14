import type { z } from 'zod';
import {
  observationInputSchema,
  wishesInputSchema,
  type Observation,
  type RightsUpheld,
  type Wishes,
} from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import { caseOf, parseJsonArray, type FieldCtx } from './context';

/** Wishes and feelings (instructed cases) and observations (non-instructed cases). */

interface WishesRow {
  id: string;
  case_id: string;
  recorded_on: string;
  going_well: string;
  worries: string;
  want_to_happen: string;
  issue_ids: string;
}

const toWishes = (r: WishesRow): Wishes => ({
  id: r.id,
  caseId: r.case_id,
  recordedOn: r.recorded_on,
  goingWell: r.going_well,
  worries: r.worries,
  wantToHappen: r.want_to_happen,
  issueIds: parseJsonArray<string>(r.issue_ids),
});

export function listWishes(ctx: FieldCtx, caseId: string): Wishes[] {
  const rows = ctx
    .db()
    .prepare('SELECT * FROM wishes_entries WHERE case_id = ? AND deleted_at IS NULL ORDER BY recorded_on DESC, id DESC')
    .all(caseId) as WishesRow[];
  return rows.map(toWishes);
}

export function saveWishes(
  ctx: FieldCtx,
  caseId: string,
  id: string | undefined,
  e: z.output<typeof wishesInputSchema>,
): Wishes {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    if (id) caseOf(db, 'wishes_entries', id, 'wishes and feelings entry');
    const entryId = id ?? uuidv7();
    w.upsert('wishes_entry', entryId, caseId, {
      case_id: caseId,
      recorded_on: e.recordedOn,
      going_well: e.goingWell,
      worries: e.worries,
      want_to_happen: e.wantToHappen,
      issue_ids: e.issueIds,
      created_at: id ? undefined : at,
      updated_at: at,
    });
    return toWishes(db.prepare('SELECT * FROM wishes_entries WHERE id = ?').get(entryId) as WishesRow);
  });
}

interface ObservationRow {
  id: string;
  case_id: string;
  observed_on: string;
  communication: string;
  likes: string;
  dislikes: string;
  knows_them_well: string;
  rights_upheld: string;
  rights_notes: string;
  issue_ids: string;
}

const toObservation = (r: ObservationRow): Observation => ({
  id: r.id,
  caseId: r.case_id,
  observedOn: r.observed_on,
  communication: r.communication,
  likes: r.likes,
  dislikes: r.dislikes,
  knowsThemWell: r.knows_them_well,
  rightsUpheld: r.rights_upheld as RightsUpheld,
  rightsNotes: r.rights_notes,
  issueIds: parseJsonArray<string>(r.issue_ids),
});

export function listObservations(ctx: FieldCtx, caseId: string): Observation[] {
  const rows = ctx
    .db()
    .prepare('SELECT * FROM observations WHERE case_id = ? AND deleted_at IS NULL ORDER BY observed_on DESC, id DESC')
    .all(caseId) as ObservationRow[];
  return rows.map(toObservation);
}

export function saveObservation(
  ctx: FieldCtx,
  caseId: string,
  id: string | undefined,
  e: z.output<typeof observationInputSchema>,
): Observation {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    if (id) caseOf(db, 'observations', id, 'observation');
    const entryId = id ?? uuidv7();
    w.upsert('observation', entryId, caseId, {
      case_id: caseId,
      observed_on: e.observedOn,
      communication: e.communication,
      likes: e.likes,
      dislikes: e.dislikes,
      knows_them_well: e.knowsThemWell,
      rights_upheld: e.rightsUpheld,
      rights_notes: e.rightsNotes,
      issue_ids: e.issueIds,
      created_at: id ? undefined : at,
      updated_at: at,
    });
    return toObservation(db.prepare('SELECT * FROM observations WHERE id = ?').get(entryId) as ObservationRow);
  });
}

export function removeRecord(
  ctx: FieldCtx,
  entity: 'wishes_entry' | 'observation' | 'contact' | 'case_action',
  table: string,
  id: string,
  what: string,
): { removed: boolean } {
  return ctx.write((w, db) => {
    w.remove(entity, id, caseOf(db, table, id, what));
    return { removed: true };
  });
}
