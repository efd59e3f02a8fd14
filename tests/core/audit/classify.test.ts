import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../../shared/ipc/define';
import { changes, exports, notAudited, reads, recordsItself, sends } from '../../../shared/ipc/audit-spec';
import { contract, methodNames } from '../../../shared/ipc/contract';
import { classifyCall } from '../../../electron/core/audit/classify';
import { ChangeSet, type RecordChange } from '../../../electron/core/audit/change-collector';

const noRecord = () => null;
const noteOfCase = (id: string) => (id === 'note-1' ? 'case-7' : null);
const edit = (caseId: string | null, field = 'title'): RecordChange => ({
  entity: 'note',
  entityId: 'note-1',
  caseId,
  field,
});

describe('which calls the audit trail records, from each method’s declaration', () => {
  it.each([
    [
      'reads a case named in the input',
      reads('the case', { input: 'caseId' }),
      { caseId: 'c1' },
      undefined,
      { action: 'case-opened', caseId: 'c1' },
    ],
    [
      'changes a record of a case',
      changes('a note', { record: 'id' }),
      { id: 'note-1' },
      undefined,
      { action: 'edited', caseId: 'case-7' },
    ],
    [
      'changes a case made by the call',
      changes('a new referral', { output: 'caseId' }),
      {},
      { caseId: 'c9' },
      { action: 'edited', caseId: 'c9' },
    ],
    ['exports with no case', exports('the report', null), {}, undefined, { action: 'exported', caseId: null }],
    [
      'sends a letter of a case',
      sends('a letter', { record: 'id' }),
      { id: 'note-1' },
      undefined,
      { action: 'letter-sent', caseId: 'case-7' },
    ],
  ])('%s', (_what, spec, input, output, expected) => {
    expect(classifyCall(spec, input, output, noteOfCase)).toEqual(expected);
  });

  it('does not record what is declared as no record access, or recorded by the feature itself', () => {
    expect(classifyCall(notAudited('preferences'), { caseId: 'c1' }, {}, noRecord)).toBeNull();
    expect(
      classifyCall(recordsItself('a backup'), { caseId: 'c1' }, {}, noRecord, ChangeSet.of([edit('c1')])),
    ).toBeNull();
  });

  it('does not record a read that names no case', () => {
    expect(classifyCall(reads('the case', { input: 'caseId' }), { caseId: '' }, {}, noRecord)).toBeNull();
  });

  it('takes the case from the changes when the declaration names none (an import into one case)', () => {
    expect(
      classifyCall(
        changes('referrals imported', null),
        {},
        {},
        noRecord,
        ChangeSet.of([edit('c3'), edit('c3', 'body')]),
      ),
    ).toEqual({ action: 'edited', caseId: 'c3' });
    expect(
      classifyCall(changes('referrals imported', null), {}, {}, noRecord, ChangeSet.of([edit('c3'), edit('c4')])),
    ).toEqual({ action: 'edited', caseId: null });
    // An import refused for its problems changed nothing and named no case: nothing to record.
    expect(classifyCall(changes('referrals imported', null), {}, {}, noRecord, new ChangeSet())).toBeNull();
  });

  it('records a change made by a call declared as reading or as no record access, whatever its name', () => {
    expect(
      classifyCall(reads('the case', { input: 'caseId' }), { caseId: 'c1' }, {}, noRecord, ChangeSet.of([edit('c1')])),
    ).toEqual({ action: 'edited', caseId: 'c1' });
    expect(classifyCall(notAudited('a list'), {}, {}, noRecord, ChangeSet.of([edit('c2')]))).toEqual({
      action: 'edited',
      caseId: 'c2',
    });
  });

  it('a change that kept a correction is recorded as the correction, and only a change can be one', () => {
    const corrected = ChangeSet.of([edit('c1')]);
    corrected.noteCorrection(false);
    expect(classifyCall(changes('a note', { record: 'id' }), { id: 'note-1' }, {}, noteOfCase, corrected)).toEqual({
      action: 'corrected',
      caseId: 'case-7',
    });
    expect(classifyCall(exports('the case', { input: 'caseId' }), { caseId: 'c1' }, {}, noRecord, corrected)).toEqual({
      action: 'exported',
      caseId: 'c1',
    });
    expect(
      classifyCall(changes('a note', { record: 'id' }), { id: 'note-1' }, {}, noteOfCase, ChangeSet.of([edit('c1')])),
    ).toEqual({ action: 'edited', caseId: 'case-7' });
  });

  it('a method named like a read but declared as a change is recorded as a change: the name plays no part', () => {
    expect(classifyCall(changes('a note', { input: 'caseId' }), { caseId: 'c1' }, {}, noRecord)).toEqual({
      action: 'edited',
      caseId: 'c1',
    });
  });

  it('every method in the contract declares how it is audited, and says what in words', () => {
    for (const name of methodNames) {
      const spec = contract[name].audit;
      expect(spec, name).toBeDefined();
      expect(spec.what.length, name).toBeGreaterThan(3);
    }
  });

  it('methods that read or change one case say where its id is', () => {
    const unplaced = methodNames.filter((n) => contract[n].audit.kind === 'reads' && contract[n].audit.case === null);
    expect(unplaced).toEqual([]);
  });

  it('a method without an audit declaration, or naming a field its input lacks, does not compile', () => {
    // These lines are checked by `tsc -b`: each @ts-expect-error fails the type check if the error goes away.
    const input = z.object({ caseId: z.string() });
    // @ts-expect-error a method must say how it is audited
    const undeclared = () => method(input, z.object({}));
    // @ts-expect-error ...even when it gives other options
    const undeclaredLocked = () => method(input, z.object({}), { needsUnlock: false });
    // @ts-expect-error 'caseIdd' is not a field of the input
    const misnamed = () => method(input, z.object({}), { audit: reads('the case', { input: 'caseIdd' }) });
    const declared = method(input, z.object({}), { audit: reads('the case', { input: 'caseId' }) });
    expect([undeclared, undeclaredLocked, misnamed].every((f) => typeof f === 'function')).toBe(true);
    expect(declared.audit).toEqual({ kind: 'reads', what: 'the case', case: { input: 'caseId' } });
  });
});
