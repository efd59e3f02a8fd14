import type { ReactNode } from 'react';
import { EmptyState } from '../shell/EmptyState';
import { useIsManager } from './useManager';

/** The managers' screens, or what to do instead for anyone else. */
export function ManagersOnly({ children }: { children: ReactNode }) {
  const manager = useIsManager();
  if (manager === null) return null;
  if (!manager) {
    return (
      <EmptyState
        title="This screen is for managers"
        next="Managers see their team's cases and people here, on a laptop connected to the service. Ask your manager if you need something from it."
      />
    );
  }
  return <>{children}</>;
}
