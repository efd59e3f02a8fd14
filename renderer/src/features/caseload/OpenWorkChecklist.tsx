import { Anchor, Badge, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ClosureDecision, OpenWorkItem } from '../../../../shared/domain/closure';
import { formatUkDate } from '../../../../shared/domain/dates';
import { decisionWords, kindTab, kindWords, reasonPrompt } from './closure-words';

export interface Choice {
  decision: ClosureDecision | null;
  reason: string;
}

export const choiceId = (item: OpenWorkItem): string => `open-work-${item.kind}-${item.id}`;

/** What is still missing from the choices, one problem per item. */
export function checklistProblems(
  items: OpenWorkItem[],
  choices: Record<string, Choice>,
): { id: string; message: string }[] {
  return items.flatMap((item) => {
    const c = choices[item.id];
    if (!c?.decision)
      return [{ id: choiceId(item), message: `${kindWords[item.kind]}: decide about “${item.title}”.` }];
    const prompt = reasonPrompt(item.kind, c.decision);
    if (prompt?.required && !c.reason.trim())
      return [
        {
          id: `${choiceId(item)}-reason`,
          message: `${kindWords[item.kind]}: ${prompt.label.toLowerCase()} (“${item.title}”)`,
        },
      ];
    return [];
  });
}

/**
 * The case's open work, each with its choices. Work can also be settled on its own tab (the link
 * beside it); it then leaves this list.
 */
export function OpenWorkChecklist({
  caseId,
  items,
  choices,
  onChoose,
}: {
  caseId: string;
  items: OpenWorkItem[];
  choices: Record<string, Choice>;
  onChoose: (id: string, c: Choice) => void;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Open work">
      <Title order={3} size="h5" mb="xs">
        Open work ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text size="sm">
          Nothing is left open on this case: no open safeguarding records, unanswered complaints, open actions, unsent
          letters or future meetings.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Settle, carry on or cancel each of these before the case closes. Nothing is removed without your say.
          </Text>
          {items.map((item) => {
            const c = choices[item.id] ?? { decision: null, reason: '' };
            const prompt = reasonPrompt(item.kind, c.decision);
            return (
              <Paper
                key={item.id}
                withBorder
                p="sm"
                component="fieldset"
                aria-label={`${kindWords[item.kind]}: ${item.title}`}
                data-testid="open-work-item"
              >
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Badge variant="light" mr="xs">
                      {kindWords[item.kind]}
                    </Badge>
                    <Text span size="sm" fw={600}>
                      {item.title}
                    </Text>
                    {item.date && item.kind === 'action' ? (
                      <Text span size="sm">
                        {' '}
                        · due {formatUkDate(item.date)}
                      </Text>
                    ) : null}
                    {item.overdue ? (
                      <Badge color="red" variant="light" ml="xs">
                        Overdue
                      </Badge>
                    ) : null}
                  </div>
                  <Anchor component={Link} to={`/caseload/${caseId}?tab=${kindTab[item.kind]}`} size="sm">
                    Open {kindWords[item.kind].toLowerCase()}s
                  </Anchor>
                </Group>
                <Radio.Group
                  id={choiceId(item)}
                  label="What happens to it?"
                  value={c.decision}
                  onChange={(v) => onChoose(item.id, { ...c, decision: v as ClosureDecision })}
                  mt="xs"
                >
                  <Group mt={4}>
                    {item.decisions.map((d) => (
                      <Radio key={d} value={d} label={decisionWords[item.kind][d]} />
                    ))}
                  </Group>
                </Radio.Group>
                {prompt ? (
                  <Textarea
                    id={`${choiceId(item)}-reason`}
                    mt="xs"
                    label={prompt.label}
                    required={prompt.required}
                    autosize
                    minRows={1}
                    value={c.reason}
                    onChange={(e) => onChoose(item.id, { ...c, reason: e.currentTarget.value })}
                  />
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
