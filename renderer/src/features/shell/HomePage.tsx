import { Paper, Stack, Text, Textarea } from '@mantine/core';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { useDraft } from '../drafts/useDraft';
import { homePanels } from './home-panels';
import { PageHeader } from './PageHeader';

/** Today: the advocate's landing page. Later issues add what is due and overdue. */
export function HomePage() {
  const jot = useDraft('home:jottings');
  return (
    <>
      <PageHeader title="Today" description={`It is ${formatUkDate(todayIso())}.`} />
      <Stack>
        {homePanels.map(({ id, Component }) => (
          <Component key={id} />
        ))}
        <Paper withBorder p="md">
          <Textarea
            label="Jottings"
            description="Quick notes to yourself. They stay encrypted on this computer and are saved as you type."
            autosize
            minRows={4}
            value={jot.value}
            disabled={!jot.loaded}
            onChange={(e) => jot.setValue(e.currentTarget.value)}
            onBlur={() => void jot.flush()}
          />
          <Text size="xs" c="dimmed" mt={4} aria-live="polite">
            {jot.savedAt ? `Saved ${new Date(jot.savedAt).toLocaleTimeString('en-GB')}` : 'Not saved yet'}
          </Text>
        </Paper>
      </Stack>
    </>
  );
}
