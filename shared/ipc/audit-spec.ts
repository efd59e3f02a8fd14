/**
 * How the audit trail records one IPC method, declared beside the method in the contract so that
 * recording never depends on how the method happens to be named. A method without a declaration
 * does not type-check (`method()` requires one).
 *
 * - `none`: not access to a child's record (settings, drafts, the vault, lists across the whole
 *   caseload); `what` says why, for the reader of the contract.
 * - `self`: the feature writes its own, more precise entries (a backup, an erasure, a sync run).
 * - `reads`: opens a case's records; recorded as "opened the case" once per case in a while.
 * - `changes`, `exports`, `prints`, `sends`: recorded every time, with the records and fields the
 *   call changed as the write path saw them.
 *
 * `case` says where the case is: a field of the input that holds the case id, a field of the input
 * that holds the id of one of the case's records, or a field of the answer (a call that makes a
 * new case). `null` when the call is about no single case.
 */
export type AuditKind = 'none' | 'self' | 'reads' | 'changes' | 'exports' | 'prints' | 'sends' | 'syncs';

export type CaseFrom<K extends string = string> =
  { readonly input: K } | { readonly record: K } | { readonly output: string } | null;

export interface AuditSpec<K extends string = string> {
  readonly kind: AuditKind;
  /** What the call reads or changes, as a phrase for the trail ("the case's notes"); for `none` and `self`, why it is not recorded here. */
  readonly what: string;
  readonly case: CaseFrom<K>;
}

export const notAudited = (why: string): AuditSpec<never> => ({ kind: 'none', what: why, case: null });
export const recordsItself = (why: string): AuditSpec<never> => ({ kind: 'self', what: why, case: null });
export const reads = <K extends string = never>(what: string, from: CaseFrom<K>): AuditSpec<K> => ({
  kind: 'reads',
  what,
  case: from,
});
export const changes = <K extends string = never>(what: string, from: CaseFrom<K>): AuditSpec<K> => ({
  kind: 'changes',
  what,
  case: from,
});
export const exports = <K extends string = never>(what: string, from: CaseFrom<K>): AuditSpec<K> => ({
  kind: 'exports',
  what,
  case: from,
});
export const prints = <K extends string = never>(what: string, from: CaseFrom<K>): AuditSpec<K> => ({
  kind: 'prints',
  what,
  case: from,
});
export const sends = <K extends string = never>(what: string, from: CaseFrom<K>): AuditSpec<K> => ({
  kind: 'sends',
  what,
  case: from,
});
