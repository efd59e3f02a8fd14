import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a screen shows before there is anything in it: what it is for and what to do next. */
export function EmptyState({ title, next, action }: { title: string; next: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <Stack gap="xs" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm">{next}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
