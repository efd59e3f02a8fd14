import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocJson } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { registerFlush } from '../drafts/draft-registry';

const SAVE_AFTER_MS = 800;

export type SaveState =
  { kind: 'saved'; at: string | null } | { kind: 'saving' } | { kind: 'unsaved' } | { kind: 'failed'; message: string };

/** Saves the letter to the encrypted store shortly after each change, on blur and before a lock. */
export function useLetterAutosave(
  id: string,
  read: () => { title: string; recipient: string; body: DocJson },
  savedAt: string | null,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const readRef = useRef(read);
  readRef.current = read;

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;
    dirty.current = false;
    setState({ kind: 'saving' });
    try {
      const { title, recipient, body } = readRef.current();
      const saved = await send('letters.save', { id, title: title.trim() || 'Letter', recipient, body });
      setState({ kind: 'saved', at: saved.updatedAt });
      document.documentElement.dataset.letterSavedAt = saved.updatedAt ?? '';
    } catch (e) {
      dirty.current = true;
      setState({ kind: 'failed', message: errorMessage(e) });
    }
  }, [id]);

  const changed = useCallback(() => {
    dirty.current = true;
    setState({ kind: 'unsaved' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_AFTER_MS);
  }, [save]);

  useEffect(() => registerFlush(save), [save]);
  useEffect(() => () => void save(), [save]);
  return { state, changed, save };
}
