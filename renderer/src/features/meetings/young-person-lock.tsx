import { Navigate, Outlet } from 'react-router';
import { youngPersonPath } from './format';

/**
 * While the young-person view is open, the rest of the app is out of reach until the advocate's
 * passphrase is entered: back buttons, shortcuts and a reload all land on that view again. Kept in
 * sessionStorage (only a statement id, never a child's words) so a reload does not lift it.
 */
const KEY = 'heard:young-person-view';

export const youngPersonLock = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (statementId: string): void => sessionStorage.setItem(KEY, statementId),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/** Wraps the app layout: sends any navigation back to the young-person view while it is locked in. */
export function YoungPersonGuard() {
  const held = youngPersonLock.get();
  return held ? <Navigate to={youngPersonPath(held)} replace /> : <Outlet />;
}
