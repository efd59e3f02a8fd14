import { Alert, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { agreementMethodLabels, agreementMethods, type AgreementMethod } from '../../../../shared/domain/meetings';
import type { Statement } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';

/** Records that the young person agreed the words as they are now; export waits for this. */
export function AgreementPanel({
  statement,
  dirty,
  onAgreed,
}: {
  statement: Statement;
  dirty: boolean;
  onAgreed: (s: Statement) => void;
}) {
  const [on, setOn] = useState<string | null>(todayIso());
  const dates = useDateProblems();
  const [how, setHow] = useState<AgreementMethod>('read_back');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const a = statement.agreement;

  const record = async () => {
    const iso = on;
    if (dates.first || !iso) {
      setMessage(dates.first ?? 'Enter the date they agreed.');
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
            The young person agreed these words on {formatUkDate(a.agreedOn)} (
            {agreementMethodLabels[a.how].toLowerCase()}). The statement can now be exported.
          </Alert>
        ) : a ? (
          <Alert color="orange" title="Changed since agreed">
            The words have changed since they were agreed on {formatUkDate(a.agreedOn)}. Read the new words back and
            record their agreement again.
          </Alert>
        ) : (
          <Text size="sm">
            Read the final words back to the young person. When they are happy with them, record their agreement here.
            It cannot be exported or shared before then.
          </Text>
        )}
        <Group align="flex-end">
          <DateField
            label="Date agreed"
            required
            value={on}
            onChange={setOn}
            onProblem={dates.on('agreedOn')}
            notAfter={notFuture("They can't have agreed on a date in the future.")}
            w={190}
          />
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
