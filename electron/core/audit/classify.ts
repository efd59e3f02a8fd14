import type { AuditSpec } from '../../../shared/ipc/audit-spec';
import type { AuditAction } from './audit-log';
import { ChangeSet } from './change-collector';

export interface Classified {
  action: AuditAction;
  caseId: string | null;
}

const ACTION: Record<Exclude<AuditSpec['kind'], 'none' | 'self' | 'reads'>, AuditAction> = {
  changes: 'edited',
  exports: 'exported',
  prints: 'printed',
  sends: 'letter-sent',
  syncs: 'synced',
};

const idIn = (value: unknown, key: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : null;
};

/**
 * What the trail records for one successful call, from the method's own declaration in the
 * contract (never from its name). `caseOfRecord` finds the case a record id belongs to; the
 * changes the call made give the case when the declaration names none (an import, a merge).
 * Returns null when the call is not recorded.
 */
export function classifyCall(
  spec: AuditSpec,
  input: unknown,
  output: unknown,
  caseOfRecord: (id: string) => string | null,
  changes: ChangeSet = new ChangeSet(),
): Classified | null {
  if (spec.kind === 'self') return null;
  // A call declared as reading, or as no record access, that changed a record anyway is still an edit.
  if ((spec.kind === 'none' || spec.kind === 'reads') && !changes.isEmpty)
    return { action: 'edited', caseId: changes.soleCase() };
  if (spec.kind === 'none') return null;
  const from = spec.case;
  let caseId: string | null = null;
  if (from && 'input' in from) caseId = idIn(input, from.input);
  else if (from && 'output' in from) caseId = idIn(output, from.output);
  else if (from && 'record' in from) {
    const id = idIn(input, from.record);
    caseId = id ? caseOfRecord(id) : null;
  }
  caseId ??= changes.soleCase();
  if (spec.kind === 'reads') return caseId === null ? null : { action: 'case-opened', caseId };
  // A change to no case that changed nothing (an import refused for its problems) did not happen.
  if (spec.kind === 'changes' && caseId === null && changes.isEmpty) return null;
  // A change that kept a correction is one entry, the correction, not an edit beside it.
  if (spec.kind === 'changes' && changes.correction) return { action: 'corrected', caseId };
  return { action: ACTION[spec.kind], caseId };
}
