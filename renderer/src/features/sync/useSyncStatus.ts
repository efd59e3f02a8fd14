import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/ipc/sync';
import { send } from '../../api/client';
import { useAppEvents } from '../../api/events';
import type { AppEvent } from '../../../../shared/ipc/events';

export interface SyncProgress {
  done: number;
  total: number;
  label: string;
}

/** The sync status, refreshed on sync progress, on changes and every half minute. */
export function useSyncStatus(): { status: SyncStatus | null; progress: SyncProgress | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const refresh = useCallback(() => {
    send('sync.status', {}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(() => {
    refresh();
    const t = setInterval(refresh, 30_000);
    return () => clearInterval(t);
  }, [refresh]);
  const onEvent = useCallback(
    (e: AppEvent) => {
      if (e.type === 'progress' && e.task === 'sync') {
        setProgress(e.done >= e.total ? null : { done: e.done, total: e.total, label: e.label });
        if (e.done >= e.total) refresh();
      } else if (e.type === 'changed') refresh();
    },
    [refresh],
  );
  useAppEvents(onEvent);
  return { status, progress, refresh };
}

/** "12/05/2026 at 14:03", in local time. */
export function formatSyncedAt(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} at ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
