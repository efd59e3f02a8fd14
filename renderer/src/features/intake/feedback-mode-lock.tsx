import { Navigate, Outlet } from 'react-router';

/**
 * While the laptop is handed over for feedback, the rest of the app is out of reach until the
 * advocate's passphrase is entered: back buttons and a reload land on the feedback questions
 * again. Only a case id is kept in sessionStorage, never an answer.
 */
const KEY = 'heard:feedback-mode';

export const feedbackModePath = (caseId: string): string => `/feedback-mode/${caseId}`;

export const feedbackModeLock = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (caseId: string): void => sessionStorage.setItem(KEY, caseId),
  clear: (): void => sessionStorage.removeItem(KEY),
};

export function FeedbackModeGuard() {
  const held = feedbackModeLock.get();
  return held ? <Navigate to={feedbackModePath(held)} replace /> : <Outlet />;
}
