import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { HashRouter, Route, Routes } from 'react-router';
import type { AppEvent } from '../../shared/ipc/events';
import type { Settings } from '../../shared/ipc/settings';
import type { VaultStatus } from '../../shared/ipc/vault';
import { send } from './api/client';
import { announce, useAppEvents } from './api/events';
import { flushAllDrafts } from './features/drafts/draft-registry';
import { AppLayout } from './features/shell/AppLayout';
import { useIdleLock } from './features/shell/useIdleLock';
import { ProblemScreen } from './features/vault/ProblemScreen';
import { SetupScreen } from './features/vault/SetupScreen';
import { UnlockScreen } from './features/vault/UnlockScreen';
import { appRoutes } from './routes';
import { YoungPersonGuard } from './features/meetings/young-person-lock';
import { youngPersonRoute } from './features/meetings/youngPersonRoute';
import { feedbackModeRoute } from './features/intake/feedbackModeRoute';
import { FeedbackModeGuard } from './features/intake/feedback-mode-lock';

type LockReason = 'user' | 'idle' | 'suspend' | 'lock-screen';

/**
 * The top of the app: what the vault's state allows. When the vault locks, the unlocked tree is
 * unmounted, so every cached record in React state is dropped with it.
 */
export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [lockReason, setLockReason] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  const refresh = useCallback(() => void send('vault.status', {}).then(setStatus), []);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    void send('settings.get', {}).then(setSettings);
  }, []);

  const lockNow = useCallback(async (reason: LockReason) => {
    await flushAllDrafts();
    setLockReason(reason);
    setStatus(await send('vault.lock', { reason }));
  }, []);

  const onEvent = useCallback(
    (event: AppEvent) => {
      if (event.type === 'lock-pending') void lockNow(event.reason);
      if (event.type === 'locked') {
        setLockReason(event.reason);
        refresh();
      }
    },
    [lockNow, refresh],
  );
  useAppEvents(onEvent);

  const unlocked = status?.state === 'unlocked';
  const onIdle = useCallback(() => void lockNow('idle'), [lockNow]);
  useIdleLock(unlocked ? (settings?.idleLockMinutes ?? 5) : null, onIdle);

  useEffect(() => {
    if (!unlocked) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lockNow('user');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [unlocked, lockNow]);

  useEffect(() => {
    if (status?.state === 'unlocked') announce('unlocked');
    if (status?.state === 'new') announce('setup');
  }, [status]);

  if (!status) {
    return (
      <Center h="100vh">
        <Loader aria-label="Starting Heard" />
      </Center>
    );
  }
  switch (status.state) {
    case 'new':
      return <SetupScreen onDone={setStatus} />;
    case 'locked':
      return (
        <UnlockScreen
          retryAfterMs={status.retryAfterMs}
          reason={lockReason}
          onDone={(s) => {
            setLockReason(null);
            setStatus(s);
          }}
        />
      );
    case 'problem':
      return <ProblemScreen problem={status.problem} onRetry={refresh} />;
    case 'unlocked':
      return (
        <HashRouter>
          <Routes>
            {youngPersonRoute()}
            {feedbackModeRoute()}
            <Route element={<YoungPersonGuard />}>
              <Route element={<FeedbackModeGuard />}>
                <Route element={<AppLayout onLock={() => void lockNow('user')} />}>{appRoutes(setSettings)}</Route>
              </Route>
            </Route>
          </Routes>
        </HashRouter>
      );
  }
}
