import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type {
  PersonTold,
  SafeguardingRecord,
  SafeguardingStatus,
} from '../../../../shared/domain/fieldwork-safeguarding';
import { errorMessage, HeardError, send } from '../../api/client';
import { nowLocalDateTime } from './format';
import { DateTimeField } from '../shell/DateTimeField';
import { useDateProblems } from '../shell/useDateProblems';

type Draft = Omit<SafeguardingRecord, 'id' | 'caseId' | 'recordedAt' | 'amendmentCount'>;

/**
 * A new safeguarding record, or an amendment to one. An amendment must say why; only the fields
 * that changed are sent, and core keeps their before and after.
 */
export function SafeguardingForm({
  caseId,
  record,
  onDone,
}: {
  caseId: string;
  record?: SafeguardingRecord;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(
    record
      ? {
          disclosedAt: record.disclosedAt,
          disclosure: record.disclosure,
          decision: record.decision,
          reason: record.reason,
          told: record.told,
          outcome: record.outcome,
          status: record.status,
        }
      : {
          disclosedAt: nowLocalDateTime(),
          disclosure: '',
          decision: '',
          reason: '',
          told: [],
          outcome: '',
          status: 'open',
        },
  );
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const dates = useDateProblems();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setTold = (i: number, p: Partial<PersonTold>) =>
    set(
      'told',
      draft.told.map((t, j) => (j === i ? { ...t, ...p } : t)),
    );

  const submit = async () => {
    setError(null);
    setFields({});
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      if (record) {
        const changes: Partial<Draft> = {};
        for (const k of Object.keys(draft) as (keyof Draft)[]) {
          if (JSON.stringify(draft[k]) !== JSON.stringify(record[k])) Object.assign(changes, { [k]: draft[k] });
        }
        await send('fieldwork.safeguarding.amend', { id: record.id, reason: why, changes });
      } else {
        await send('fieldwork.safeguarding.create', { caseId, record: draft });
      }
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HeardError && e.fields) setFields(e.fields);
    }
  };

  const f = (name: string) => fields[`record.${name}`] ?? fields[`changes.${name}`];
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {error ? <Alert color="red">{error}</Alert> : null}
          <DateTimeField
            label="When it was disclosed"
            required
            value={draft.disclosedAt}
            error={f('disclosedAt')}
            onChange={(v) => set('disclosedAt', v)}
            onProblem={dates.on('disclosedAt')}
          />
          <Textarea
            label="What was disclosed, in the young person's words"
            description="Write down exactly what they said, as far as you can."
            required
            autosize
            minRows={4}
            value={draft.disclosure}
            error={f('disclosure')}
            onChange={(e) => set('disclosure', e.currentTarget.value)}
          />
          <Textarea
            label="Your decision"
            required
            autosize
            minRows={2}
            value={draft.decision}
            error={f('decision')}
            onChange={(e) => set('decision', e.currentTarget.value)}
          />
          <Textarea
            label="The reason for your decision"
            required
            autosize
            minRows={2}
            value={draft.reason}
            error={f('reason')}
            onChange={(e) => set('reason', e.currentTarget.value)}
          />
          <Text size="sm" fw={500}>
            Who was told
          </Text>
          {draft.told.map((t, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                <TextInput
                  label={`Name (person ${i + 1})`}
                  value={t.name}
                  onChange={(e) => setTold(i, { name: e.currentTarget.value })}
                />
                <TextInput
                  label={`Role (person ${i + 1})`}
                  value={t.role}
                  onChange={(e) => setTold(i, { role: e.currentTarget.value })}
                />
                <DateTimeField
                  label={`When told (person ${i + 1})`}
                  value={t.toldAt}
                  onChange={(v) => setTold(i, { toldAt: v })}
                  onProblem={dates.on(`told${i}`)}
                />
              </SimpleGrid>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove person ${i + 1}`}
                onClick={() =>
                  set(
                    'told',
                    draft.told.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set('told', [...draft.told, { name: '', role: '', toldAt: nowLocalDateTime() }])}
          >
            Add a person told
          </Button>
          <Textarea
            label="Outcome"
            autosize
            minRows={2}
            value={draft.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value)}
          />
          <Select
            label="Status"
            data={[
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ]}
            value={draft.status}
            allowDeselect={false}
            onChange={(v) => v && set('status', v as SafeguardingStatus)}
            style={{ maxWidth: 200 }}
          />
          {record ? (
            <Textarea
              label="Why you are amending this record"
              required
              autosize
              minRows={2}
              value={why}
              error={fields.reason}
              onChange={(e) => setWhy(e.currentTarget.value)}
            />
          ) : null}
          <Group>
            <Button type="submit" color={record ? undefined : 'red'}>
              {record ? 'Save amendment' : 'Save safeguarding record'}
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Safeguarding records cannot be deleted. Changes are kept as amendments, with their reason.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
