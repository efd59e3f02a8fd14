import { councilName } from '../../../shared/domain/councils';
import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { importedFields, parseReferralCsv, type ImportRow } from '../../../shared/domain/referral-import';
import { personRecord, referralRecord } from '../../../shared/domain/records/caseload-records';
import { requiredDefaults, toColumns } from '../../../shared/domain/records/define';
import type { ImportReport } from '../../../shared/ipc/caseload';
import type { Db } from '../db/database';
import type { FieldValue, Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';
import { addAdvocate } from './advocates';
import { daysBetween } from './referrals';
import type { ReferralRow } from './rows';

/**
 * Imports a referral spreadsheet, all or nothing. A referral is matched by its reference, a
 * person by their person_reference and an issue by its code, so importing the same file twice on
 * one laptop changes nothing and a changed row updates its referral. An empty cell never clears what is already recorded: the
 * advocate may have added details in Heard since the last import.
 */
class Rollback extends Error {}

type Counts = { create: number; update: number; unchanged: number };

export function runImport(ctx: CoreContext, csv: string, apply: boolean): ImportReport & { imported: boolean } {
  const now = ctx.now();
  const parsed = parseReferralCsv(csv, todayIso(now));
  const base = {
    rows: parsed.rows.length,
    problems: parsed.problems,
    preview: parsed.rows.slice(0, 20).map(previewOf),
  };
  if (parsed.problems.length > 0) return { ...base, rows: 0, create: 0, update: 0, unchanged: 0, imported: false };
  let counts: Counts = { create: 0, update: 0, unchanged: 0 };
  try {
    ctx.write((w, db) => {
      counts = importRows(w, db, parsed.rows, now);
      // A preview runs the very same writes and then undoes them, so its counts are exact.
      if (!apply) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { ...base, ...counts, imported: apply };
}

function previewOf(r: ImportRow): Record<string, string> {
  return {
    row: String(r.row),
    reference: r.reference,
    name: [r.preferredName ?? r.firstName, r.lastName].filter(Boolean).join(' '),
    service_user_type: r.serviceUserType,
    local_authority: r.localAuthority ? councilName(r.localAuthority) : '',
    referral_date: r.referralDate,
    issues: r.issues.join('; '),
    status: r.closureDate ? 'closed' : r.allocatedTo ? 'open' : 'awaiting allocation',
  };
}

function importRows(w: Writer, db: Db, rows: readonly ImportRow[], now: Date): Counts {
  const counts: Counts = { create: 0, update: 0, unchanged: 0 };
  const at = now.toISOString();
  const byReference = db.prepare('SELECT * FROM referrals WHERE reference = ?');
  const personByRef = db
    .prepare('SELECT id FROM people WHERE person_reference = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
    .pluck();
  const issueByCode = db
    .prepare('SELECT id FROM referral_issues WHERE referral_id = ? AND code = ? ORDER BY id LIMIT 1')
    .pluck();
  const issuesOf = db.prepare(
    'SELECT id, code, description, wanted_outcome FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL',
  );
  const advocates = new Map<string, string>();
  const advocateId = (name: string) => {
    const key = name.toLowerCase();
    let id = advocates.get(key);
    if (!id) {
      id = addAdvocate(w, db, name, 'advocate', now.getTime()).id;
      advocates.set(key, id);
    }
    return id;
  };

  for (const r of rows) {
    const existing = byReference.get(r.reference) as ReferralRow | undefined;
    // New ids are random: an id worked out from a reference could be guessed, and claimed on the
    // service by another device before this one sends the case.
    const caseId = existing?.id ?? uuidv7(now.getTime());
    let changed = 0;
    const personId =
      (r.personReference ? (personByRef.get(r.personReference) as string | undefined) : undefined) ??
      existing?.person_id ??
      uuidv7(now.getTime());
    const personExists = db.prepare('SELECT 1 FROM people WHERE id = ?').get(personId) !== undefined;
    changed += w.upsert('person', personId, caseId, {
      ...(personExists
        ? {}
        : {
            ...requiredDefaults(personRecord),
            kind: r.serviceUserType === 'PARENT' ? 'parent' : 'young_person',
            created_at: at,
          }),
      ...toColumns(personRecord, importedFields(personRecord, r)),
    }).length;

    const allocatedTo = r.allocatedTo ? advocateId(r.allocatedTo) : (existing?.allocated_to ?? null);
    const allocationDate = r.allocationDate ?? existing?.allocation_date ?? (r.allocatedTo ? r.referralDate : null);
    const closureDate = r.closureDate ?? existing?.closure_date ?? null;
    const fields: Record<string, FieldValue | undefined> = {
      ...(existing ? {} : { ...requiredDefaults(referralRecord), created_at: at }),
      ...toColumns(referralRecord, importedFields(referralRecord, r)),
      reference: r.reference,
      person_id: personId,
      allocated_to: allocatedTo,
      allocation_date: allocationDate,
      days_to_allocation: allocationDate ? daysBetween(r.referralDate, allocationDate) : null,
      closure_date: closureDate,
      status: closureDate ? 'closed' : allocatedTo ? 'open' : 'awaiting_allocation',
      deleted_at: null,
    };
    changed += w.upsert('referral', caseId, caseId, fields).length;

    const current = existing
      ? (issuesOf.all(caseId) as Array<{
          id: string;
          code: string;
          description: string | null;
          wanted_outcome: string | null;
        }>)
      : [];
    for (const code of r.issues) {
      if (current.some((i) => i.code === code)) continue;
      // A code dropped by an earlier import and now back revives its issue rather than adding another.
      w.upsert(
        'referral_issue',
        (issueByCode.get(caseId, code) as string | undefined) ?? uuidv7(now.getTime()),
        caseId,
        {
          referral_id: caseId,
          code,
          status: closureDate ? 'resolved' : 'open',
          created_at: at,
          deleted_at: null,
        },
      );
      changed++;
    }
    for (const i of current) {
      // Issues the advocate has written about in Heard stay, even if the spreadsheet drops their code.
      if (r.issues.includes(i.code as ImportRow['issues'][number]) || i.description || i.wanted_outcome) continue;
      w.remove('referral_issue', i.id, caseId);
      changed++;
    }
    if (!existing) counts.create++;
    else if (changed > 0) counts.update++;
    else counts.unchanged++;
  }
  return counts;
}
