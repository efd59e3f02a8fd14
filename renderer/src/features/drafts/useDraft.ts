import { useCallback, useEffect, useRef, useState } from 'react';
import { send } from '../../api/client';
import { registerFlush } from './draft-registry';

const SAVE_AFTER_MS = 600;

/**
 * Text that survives a lock, a crash or a closed window: loaded from the encrypted store on mount,
 * saved shortly after each change, on blur and before any lock.
 */
export function useDraft(key: string): {
  value: string;
  setValue: (next: string) => void;
  loaded: boolean;
  savedAt: string | null;
  flush: () => Promise<void>;
  discard: () => Promise<void>;
} {
  const [value, setState] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    void send('drafts.get', { key }).then((draft) => {
      if (!live) return;
      if (draft) {
        setState(draft.content);
        setSavedAt(draft.savedAt);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [key]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const content = pending.current;
    if (content === null) return;
    pending.current = null;
    const result = await send('drafts.save', { key, content });
    setSavedAt(result.savedAt);
    document.documentElement.dataset.draftSavedAt = result.savedAt;
  }, [key]);

  useEffect(() => registerFlush(flush), [flush]);
  useEffect(() => () => void flush(), [flush]);

  const setValue = useCallback(
    (next: string) => {
      setState(next);
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    pending.current = null;
    if (timer.current) clearTimeout(timer.current);
    await send('drafts.discard', { key });
    setState('');
    setSavedAt(null);
  }, [key]);

  return { value, setValue, loaded, savedAt, flush, discard };
}
