import { Checkbox, Stack, Text } from '@mantine/core';
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

/** Links an entry to the case's issues (from the caseload), one checkbox each. */
export function IssuePicker({ issues, value, onChange }: { issues: CaseInfo['issues']; value: string[]; onChange: (ids: string[]) => void }) {
  if (issues.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This case has no issues recorded yet, so this entry cannot be linked to one.
      </Text>
    );
  }
  return (
    <Checkbox.Group label="Which of the case's issues this is about" value={value} onChange={onChange}>
      <Stack gap={6} mt={6}>
        {issues.map((i) => (
          <Checkbox key={i.id} value={i.id} label={i.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
