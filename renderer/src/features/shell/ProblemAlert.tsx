import { Alert } from '@mantine/core';

/** What went wrong, in the advocate's words, announced to screen readers; nothing when all is well. */
export function ProblemAlert({ problem, title }: { problem: string | null | undefined; title?: string }) {
  if (!problem) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {problem}
    </Alert>
  );
}
