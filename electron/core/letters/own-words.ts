import { youngPersonWordsOf, type RichNode } from '../../../shared/domain/fieldwork';
import { formatUkDate } from '../../../shared/domain/dates';
import type { OwnWordsChoice } from '../../../shared/ipc/letters';
import type { Db } from '../db/database';

/*
 * The young person's own words already recorded on the case, for the advocate to choose from when
 * writing a letter: text marked as their words in notes, and what they said in wishes and feelings.
 * Newest first; nothing is chosen for them.
 */

const MAX_CHOICES = 100;

export function ownWordsChoices(db: Db, caseId: string): OwnWordsChoice[] {
  const out: OwnWordsChoice[] = [];
  const notes = db
    .prepare(
      'SELECT title, body, created_at FROM notes WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 500',
    )
    .all(caseId) as { title: string; body: string; created_at: string | null }[];
  for (const n of notes) {
    let body: RichNode;
    try {
      body = JSON.parse(n.body) as RichNode;
    } catch {
      continue;
    }
    const label = `Note${n.title ? `: ${n.title}` : ''}${n.created_at ? `, ${formatUkDate(n.created_at.slice(0, 10))}` : ''}`;
    for (const text of youngPersonWordsOf(body)) out.push({ source: 'note', label, text });
  }
  const wishes = db
    .prepare(
      'SELECT recorded_on, going_well, worries, want_to_happen FROM wishes_entries WHERE case_id = ? AND deleted_at IS NULL ORDER BY recorded_on DESC',
    )
    .all(caseId) as { recorded_on: string; going_well: string; worries: string; want_to_happen: string }[];
  for (const w of wishes) {
    const when = formatUkDate(w.recorded_on);
    const parts: [string, string][] = [
      ['what they want to happen', w.want_to_happen],
      ['worries', w.worries],
      ['what is going well', w.going_well],
    ];
    for (const [what, text] of parts)
      if (text?.trim())
        out.push({ source: 'wishes', label: `Wishes and feelings, ${when}: ${what}`, text: text.trim() });
  }
  return out.slice(0, MAX_CHOICES);
}
