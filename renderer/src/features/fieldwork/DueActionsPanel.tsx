import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { actionOwnerLabels, type DueAction } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { fieldworkCasePath } from './paths';

/** Today screen: open actions that are overdue or due in the next week, across all cases. */
export function DueActionsPanel() {
  const [actions, setActions] = useState<DueAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    send('fieldwork.actions.due', { withinDays: 7 })
      .then((a) => live && setActions(a))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  const overdue = actions?.filter((a) => a.overdue) ?? [];
  const due = actions?.filter((a) => !a.overdue) ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="due-actions-heading">
      <Title order={2} size="h4" id="due-actions-heading" mb="xs">
        Actions due and overdue
      </Title>
      {error ? <Alert color="red">{error}</Alert> : null}
      {actions && actions.length === 0 ? <Text size="sm">Nothing is due in the next seven days.</Text> : null}
      <Stack gap={4}>
        {[...overdue, ...due].map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap">
            {a.overdue ? (
              <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                Overdue
              </Badge>
            ) : (
              <Badge variant="default" style={{ flexShrink: 0 }}>
                Due
              </Badge>
            )}
            <Text size="sm">
              {formatUkDate(a.dueOn)}: {a.description} ({a.ownerName || actionOwnerLabels[a.owner]}) ·{' '}
              <Anchor component={Link} to={fieldworkCasePath(a.caseId, 'actions')}>
                {a.caseLabel}
              </Anchor>
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
