import { useCallback, useMemo, useState } from 'react';

/**
 * Collects what the date fields of a form say is wrong with what was typed, so the form refuses to
 * save (and says why) instead of saving without a date that was typed but could not be read.
 */
export function useDateProblems() {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const track = useCallback(
    (field: string) => (problem: string | null) =>
      setProblems((current) => {
        if ((current[field] ?? null) === problem) return current;
        const next = { ...current };
        if (problem) next[field] = problem;
        else delete next[field];
        return next;
      }),
    [],
  );
  const trackers = useMemo(() => new Map<string, (p: string | null) => void>(), []);
  /** A stable callback per field, for a field's `onProblem`. */
  const on = (field: string) => {
    let t = trackers.get(field);
    if (!t) {
      t = track(field);
      trackers.set(field, t);
    }
    return t;
  };
  const first = Object.values(problems)[0] ?? null;
  return { problems, on, first };
}
