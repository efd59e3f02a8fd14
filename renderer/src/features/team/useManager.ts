import { useSyncStatus } from '../sync/useSyncStatus';

/**
 * Whether this laptop is a manager's, connected to a service: only then are the Team and People
 * screens offered. The service refuses their data to anyone else whatever the screen shows.
 */
export function useIsManager(): boolean | null {
  const { status } = useSyncStatus();
  if (!status) return null;
  return status.connected && (status.role === 'manager' || status.role === 'admin');
}
