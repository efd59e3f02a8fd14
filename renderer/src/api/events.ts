import { useEffect } from 'react';
import { appEventSchema, type AppEvent } from '../../../shared/ipc/events';

/** Subscribe to core's events for the life of a component. */
export function useAppEvents(listener: (event: AppEvent) => void): void {
  useEffect(
    () =>
      window.heard.onEvent((raw) => {
        const parsed = appEventSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      }),
    [listener],
  );
}

/** Marks the document with the app's state so tests can wait for it instead of sleeping. */
export function announce(state: string): void {
  document.documentElement.dataset.appState = state;
  window.dispatchEvent(new CustomEvent('heard:state', { detail: state }));
}
