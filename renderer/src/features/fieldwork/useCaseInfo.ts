import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../shared/ipc/contract';
import { send } from '../../api/client';

export type CaseInfo = MethodOutput<'fieldwork.caseInfo'>;

/** Whether the case is non-instructed, and its issues, from the caseload. */
export function useCaseInfo(caseId: string): CaseInfo | null {
  const [info, setInfo] = useState<CaseInfo | null>(null);
  useEffect(() => {
    let live = true;
    send('fieldwork.caseInfo', { caseId })
      .then((i) => live && setInfo(i))
      .catch(() => live && setInfo({ advocacyType: 'instructed', issues: [] }));
    return () => {
      live = false;
    };
  }, [caseId]);
  return info;
}
