/** A case page (the caseload's) opened at one of field work's tabs, and optionally at a note. */
export const fieldworkCasePath = (caseId: string, tab?: string, noteId?: string): string => {
  const q = new URLSearchParams();
  if (tab) q.set('tab', tab);
  if (noteId) q.set('note', noteId);
  const qs = q.toString();
  return `/caseload/${encodeURIComponent(caseId)}${qs ? `?${qs}` : ''}`;
};
export const fieldworkSearchPath = '/fieldwork/search';
