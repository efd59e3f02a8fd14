import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
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
export function IssuePicker({
  issues,
  value,
  onChange,
}: {
  issues: CaseInfo['issues'];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
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

/** The case's issues an entry is linked to, as badges. */
export function IssueBadges({ issues, ids }: { issues: CaseInfo['issues']; ids: string[] }) {
  return (
    <Group gap={4} mt="xs">
      {issueLabels(issues, ids).map((l) => (
        <Badge key={l} variant="outline">
          {l}
        </Badge>
      ))}
    </Group>
  );
}

/** The frame every field-work entry form shares: an error above, Save and Cancel below. */
export function RecordForm(props: {
  error: string | null;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  saveLabel: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void props.onSubmit();
        }}
      >
        <Stack>
          {props.error ? <Alert color="red">{props.error}</Alert> : null}
          {props.children}
          <Group>
            <Button type="submit" loading={props.busy ?? false}>
              {props.saveLabel}
            </Button>
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
