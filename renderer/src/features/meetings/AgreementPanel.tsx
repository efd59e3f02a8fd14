import { Alert, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatUkDate, parseUkDate, todayIso } from '../../../../shared/domain/dates';
import { agreementMethodLabels, agreementMethods, type AgreementMethod } from '../../../../shared/domain/meetings';
import type { Statement } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';

/** Records that the young person agreed the words as they are now; export waits for this. */
export function AgreementPanel({ statement, dirty, onAgreed }: { statement: Statement; dirty: boolean; onAgreed: (s: Statement) => void }) {
  const [on, setOn] = useState(formatUkDate(todayIso()));
  const [how, setHow] = useState<AgreementMethod>('read_back');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const a = statement.agreement;

  const record = async () => {
    const iso = parseUkDate(on);
    if (!iso) {
      setMessage('Enter the date as dd/mm/yyyy, for example 07/03/2026.');
      return;
    }
    try {
      onAgreed(await send('statements.agree', { id: statement.id, agreedOn: iso, how, note }));
      setMessage(null);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Their agreement
        </Title>
        {a && a.current && !dirty ? (
          <Alert color="teal" title="Agreed">
            The young person agreed these words on {formatUkDate(a.agreedOn)} ({agreementMethodLabels[a.how].toLowerCase()}). The statement can now be exported.
          </Alert>
        ) : a ? (
          <Alert color="orange" title="Changed since agreed">
            The words have changed since they were agreed on {formatUkDate(a.agreedOn)}. Read the new words back and record their agreement again.
          </Alert>
        ) : (
          <Text size="sm">Read the final words back to the young person. When they are happy with them, record their agreement here. It cannot be exported or shared before then.</Text>
        )}
        <Group align="flex-end">
          <TextInput label="Date agreed" description="dd/mm/yyyy" value={on} onChange={(e) => setOn(e.currentTarget.value)} w={160} />
          <Radio.Group label="How they agreed" value={how} onChange={(v) => setHow(v as AgreementMethod)}>
            <Group mt="xs">
              {agreementMethods.map((m) => (
                <Radio key={m} value={m} label={agreementMethodLabels[m]} />
              ))}
            </Group>
          </Radio.Group>
        </Group>
        <TextInput label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button onClick={() => void record()} disabled={dirty} variant={a?.current ? 'default' : 'filled'}>
            Record their agreement
          </Button>
          <Text size="sm" aria-live="polite">
            {dirty ? 'Save the words first, then record agreement.' : message}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
