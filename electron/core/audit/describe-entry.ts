import type { AuditActionName } from '../../../shared/ipc/audit';
import { contract, isMethodName } from '../../../shared/ipc/contract';
import {
  advocateRecord,
  issueRecord,
  personRecord,
  referralRecord,
} from '../../../shared/domain/records/caseload-records';
import { columnOf } from '../../../shared/domain/records/define';
import type { ChangedGroup, EntryDetail } from './entry-detail';

/** Field and record names as an advocate reads them: `interpreter_needed` → "interpreter needed". */
const words = (name: string): string =>
  name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** The words a form shows for a stored column, where a record is defined with labels (questions read badly in a list, so those keep their name). */
const LABELS = new Map(
  [personRecord, referralRecord, issueRecord, advocateRecord].map((def) => [
    def.entity,
    new Map(
      Object.entries(def.fields).flatMap(([key, spec]) =>
        spec.label.endsWith('?') ? [] : [[columnOf(def, key), spec.label.toLowerCase()] as const],
      ),
    ),
  ]),
);
const fieldWords = (entity: string, field: string): string => LABELS.get(entity)?.get(field) ?? words(field);

/** Fields every record has that say nothing to the reader. */
const BOOKKEEPING = new Set(['created_at', 'updated_at', 'deleted_at', 'id']);

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

type Phrase = { kind: 'added' | 'deleted' | 'changed'; text: string };

function describeGroup(g: ChangedGroup): Phrase {
  const thing = words(g.entity);
  const many = g.count > 1 ? `${g.count} ${thing} records` : null;
  if (g.fields.length === 1 && g.fields[0] === 'deleted_at') return { kind: 'deleted', text: many ?? `a ${thing}` };
  if (g.fields.includes('created_at')) return { kind: 'added', text: many ?? `a ${thing}` };
  const fields = list(g.fields.filter((f) => !BOOKKEEPING.has(f)).map((f) => fieldWords(g.entity, f)));
  return { kind: 'changed', text: many ? `${fields} of ${many}` : `the ${thing}'s ${fields}` };
}

/** Records that are themselves an account of a change (a correction with its reason): the entry's verb already says so. */
const SELF_DESCRIBING = new Set(['correction']);

/** "added a person, a referral and a referral issue; changed the note's title". */
function describeChanges(all: readonly ChangedGroup[]): string {
  const groups = all.filter((g) => !SELF_DESCRIBING.has(g.entity));
  const phrases = groups.map(describeGroup);
  // One record edited: its fields are the whole story ("urgency and urgency reason").
  if (phrases.length === 1 && phrases[0]!.kind === 'changed' && groups[0]!.count === 1) {
    return list(groups[0]!.fields.filter((f) => !BOOKKEEPING.has(f)).map((f) => fieldWords(groups[0]!.entity, f)));
  }
  return (['added', 'changed', 'deleted'] as const)
    .map((kind) => {
      const texts = phrases.filter((p) => p.kind === kind).map((p) => p.text);
      return texts.length > 0 ? `${kind} ${list(texts)}` : '';
    })
    .filter((t) => t.length > 0)
    .join('; ');
}

const VERB: Partial<Record<AuditActionName, string>> = {
  'case-opened': 'Opened',
  edited: 'Changed',
  corrected: 'Corrected',
  exported: 'Exported',
  printed: 'Printed',
  'letter-sent': 'Sent',
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One entry in words: what was done to which record, and which fields changed, e.g. "Changed the
 * referral: urgency and interpreter needed", or "Changed a new referral: added a person, a referral
 * and a referral issue". Actions a feature records itself (a backup, an unlock) use their label.
 */
export function describeEntry(
  action: AuditActionName,
  method: string | null,
  detail: EntryDetail,
  label: string,
): string {
  const spec = method && isMethodName(method) ? contract[method].audit : undefined;
  const verb = VERB[action];
  const head = verb && spec && spec.kind !== 'none' && spec.kind !== 'self' ? `${verb} ${spec.what}` : label;
  const changed = describeChanges(detail.changed);
  const parts = [head, ...(changed ? [changed] : [])];
  if (detail.text) parts.push(detail.text);
  return capital(parts.length > 1 ? `${parts[0]}: ${parts.slice(1).join('; ')}` : parts[0]!);
}
