import { useEffect } from 'react';
import { IdleTimer } from './idle-timer';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const;

/** Calls `onIdle` after `minutes` without keyboard, mouse or touch activity in the window. */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (minutes === null) return;
    const timer = new IdleTimer(minutes * 60_000, onIdle, {
      set: (fn, ms) => window.setTimeout(fn, ms),
      clear: (h) => window.clearTimeout(h as number),
    });
    const activity = (): void => timer.activity();
    for (const type of ACTIVITY) window.addEventListener(type, activity, { passive: true });
    timer.start();
    return () => {
      timer.stop();
      for (const type of ACTIVITY) window.removeEventListener(type, activity);
    };
  }, [minutes, onIdle]);
}
