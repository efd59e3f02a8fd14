import { Text } from '@mantine/core';
import type { CaseInfo } from './useCaseInfo';

export const issueLabels = (issues: CaseInfo['issues'], ids: string[]): string[] =>
  ids.map((id) => issues.find((i) => i.id === id)?.label ?? 'An issue no longer on the case');

/** One headed block of a structured entry. */
export function Section({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text || '—'}
      </Text>
    </div>
  );
}
