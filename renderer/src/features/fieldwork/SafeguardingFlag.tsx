import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SafeguardingFlagInfo } from '../../../../shared/domain/fieldwork-safeguarding';
import { send } from '../../api/client';

const CHANGED = 'heard:safeguarding-changed';

/** Tells any flag on screen that a case's safeguarding records changed. */
export function announceSafeguardingChanged(caseId: string): void {
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: caseId }));
}

/**
 * A red flag on a case that has a safeguarding record. For a list of cases, pass `info` from one
 * `fieldwork.safeguarding.flags` call instead of letting each flag ask for itself.
 */
export function SafeguardingFlag({ caseId, info }: { caseId: string; info?: SafeguardingFlagInfo | null }) {
  const [fetched, setFetched] = useState<SafeguardingFlagInfo | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const changed = (e: Event): void => {
      if ((e as CustomEvent<string>).detail === caseId) setGeneration((g) => g + 1);
    };
    window.addEventListener(CHANGED, changed);
    return () => window.removeEventListener(CHANGED, changed);
  }, [caseId]);
  useEffect(() => {
    if (info !== undefined) return;
    let live = true;
    send('fieldwork.safeguarding.flags', { caseIds: [caseId] })
      .then((flags) => live && setFetched(flags[0] ?? null))
      .catch(() => live && setFetched(null));
    return () => {
      live = false;
    };
  }, [caseId, info, generation]);
  const flag = info === undefined ? fetched : info;
  if (!flag || flag.records === 0) return null;
  const text = flag.open > 0 ? `Safeguarding: ${flag.open} open` : 'Safeguarding record';
  return (
    <Badge
      color="red"
      variant={flag.open > 0 ? 'filled' : 'outline'}
      data-testid="safeguarding-flag"
      aria-label={`${text}. This case has ${flag.records} safeguarding ${flag.records === 1 ? 'record' : 'records'}.`}
    >
      {text}
    </Badge>
  );
}
