import { useCallback, useEffect, useState } from 'react';
import type { LaptopsList } from '../../../../shared/ipc/laptops';
import { errorMessage, send } from '../../api/client';

/** The service's laptops and people, as a manager's laptop sees them; reloaded after each change. */
export function useLaptops() {
  const [list, setList] = useState<LaptopsList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = useCallback(() => {
    send('laptops.list', {}).then(
      (l) => {
        setList(l);
        setProblem(null);
      },
      (e: unknown) => setProblem(errorMessage(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  return { list, problem, reload };
}
