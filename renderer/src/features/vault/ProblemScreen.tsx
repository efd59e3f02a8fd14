import { Alert, Button } from '@mantine/core';
import type { VaultProblem } from '../../../../shared/ipc/vault';
import { announce } from '../../api/events';
import { VaultFrame } from './VaultFrame';
import { useEffect } from 'react';

const TITLES: Record<VaultProblem['code'], string> = {
  key_file_missing: 'The key to your records is missing',
  key_file_corrupt: 'The key to your records cannot be read',
  database_missing: 'Your records file is missing',
  database_damaged: 'Your records file is damaged',
  database_newer: 'Your records need a newer Heard',
};

/** Shown instead of the app when the store cannot be opened. It never offers to start afresh over the files. */
export function ProblemScreen({ problem, onRetry }: { problem: VaultProblem; onRetry: () => void }) {
  useEffect(() => announce(`problem:${problem.code}`), [problem.code]);
  return (
    <VaultFrame title={TITLES[problem.code]}>
      <Alert color="red" role="alert" title="Heard cannot open your records">
        {problem.message}
      </Alert>
      <Button variant="default" onClick={onRetry}>
        Check again
      </Button>
    </VaultFrame>
  );
}
