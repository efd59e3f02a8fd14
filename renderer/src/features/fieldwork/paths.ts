/** Field work's own pages (route "fieldwork/*"), used by search results and the Today panel. */
export const fieldworkCasePath = (caseId: string, tab?: string, noteId?: string): string => {
  const q = new URLSearchParams();
  if (tab) q.set('tab', tab);
  if (noteId) q.set('note', noteId);
  const qs = q.toString();
  return `/fieldwork/case/${encodeURIComponent(caseId)}${qs ? `?${qs}` : ''}`;
};
export const fieldworkSearchPath = '/fieldwork/search';
