import { contactInputSchema, type Contact, type ContactType } from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import type { z } from 'zod';
import { caseOf, parseJsonArray, type FieldCtx } from './context';

interface ContactRow {
  id: string;
  case_id: string;
  type: string;
  occurred_at: string;
  location: string;
  duration_minutes: number | null;
  travel_minutes: number | null;
  miles: number | null;
  present: string;
  note_count: number;
}

const SELECT = `SELECT c.*, (SELECT count(*) FROM notes n WHERE n.contact_id = c.id AND n.deleted_at IS NULL) AS note_count FROM contacts c`;

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  caseId: r.case_id,
  type: r.type as ContactType,
  occurredAt: r.occurred_at,
  location: r.location,
  durationMinutes: r.duration_minutes,
  travelMinutes: r.travel_minutes,
  miles: r.miles,
  present: parseJsonArray<string>(r.present),
  noteCount: r.note_count,
});

export function listContacts(ctx: FieldCtx, caseId: string): Contact[] {
  const rows = ctx
    .db()
    .prepare(`${SELECT} WHERE c.case_id = ? AND c.deleted_at IS NULL ORDER BY c.occurred_at DESC`)
    .all(caseId) as ContactRow[];
  return rows.map(toContact);
}

export function saveContact(
  ctx: FieldCtx,
  caseId: string,
  id: string | undefined,
  input: z.output<typeof contactInputSchema>,
): Contact {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    const contactId = id ?? uuidv7();
    if (id) caseOf(db, 'contacts', id, 'contact');
    w.upsert('contact', contactId, caseId, {
      case_id: caseId,
      type: input.type,
      occurred_at: input.occurredAt,
      location: input.location,
      duration_minutes: input.durationMinutes,
      travel_minutes: input.travelMinutes,
      miles: input.miles,
      present: input.present,
      created_at: id ? undefined : at,
      updated_at: at,
    });
    return toContact(db.prepare(`${SELECT} WHERE c.id = ?`).get(contactId) as ContactRow);
  });
}

export function removeContact(ctx: FieldCtx, id: string): { removed: boolean } {
  return ctx.write((w, db) => {
    const caseId = caseOf(db, 'contacts', id, 'contact');
    w.remove('contact', id, caseId);
    return { removed: true };
  });
}
