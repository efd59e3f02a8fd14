import { useCallback, useEffect, useRef, useState } from 'react';
import type { RichNode } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { registerFlush } from '../drafts/draft-registry';

/** While typing, what is on screen reaches the encrypted store at most this long afterwards. */
export const AUTOSAVE_EVERY_MS = 2000;

export type SaveReason = 'autosave' | 'blur' | 'lock' | 'leave';
export type SaveStatus =
  | { state: 'saved'; at: string | null }
  | { state: 'unsaved' }
  | { state: 'saving' }
  | { state: 'failed'; message: string };

/**
 * Autosave for one note. A change starts a timer that is not pushed back by further typing (so a
 * long burst of typing is still saved every two seconds); blur, lock, leaving the page and closing
 * the note save at once. Saves run one after another, in order.
 */
export function useNoteAutosave(
  noteId: string,
  snapshot: () => { title: string; body: RichNode },
  savedAt: string | null,
) {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: savedAt });
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;

  const save = useCallback(
    (reason: SaveReason): Promise<void> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!dirty.current) return queue.current;
      dirty.current = false;
      // Take the text now, not when the previous save finishes: this is what the advocate saw.
      const { title, body } = snapshotRef.current();
      setStatus({ state: 'saving' });
      const run = queue.current.then(async () => {
        try {
          const result = await send('fieldwork.notes.save', { id: noteId, title, body, reason });
          document.documentElement.dataset.noteSavedAt = result.savedAt;
          if (!dirty.current) setStatus({ state: 'saved', at: result.savedAt });
        } catch (e) {
          // Keep it marked unsaved so the next change, blur or lock tries again.
          dirty.current = true;
          setStatus({ state: 'failed', message: errorMessage(e) });
        }
      });
      queue.current = run;
      return run;
    },
    [noteId],
  );

  const changed = useCallback(() => {
    dirty.current = true;
    setStatus({ state: 'unsaved' });
    if (!timer.current) timer.current = setTimeout(() => void save('autosave'), AUTOSAVE_EVERY_MS);
  }, [save]);

  useEffect(() => registerFlush(() => save('lock')), [save]);
  useEffect(() => {
    const leave = (): void => void save('leave');
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      void save('leave');
    };
  }, [save]);

  return { status, changed, save };
}
