import { Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StatementSection } from '../../../../shared/domain/meetings-templates';
import { errorMessage, send } from '../../api/client';

type Version = Awaited<ReturnType<typeof send<'statements.versions'>>>[number];

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });

/** Every saved wording of the statement, oldest first; any one can be read again. */
export function VersionsDrawer({
  statementId,
  opened,
  onClose,
}: {
  statementId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [versions, setVersions] = useState<Version[]>([]);
  const [shown, setShown] = useState<{ number: number; sections: StatementSection[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setShown(null);
    send('statements.versions', { id: statementId })
      .then(setVersions)
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [opened, statementId]);

  const open = (v: Version) =>
    void send('statements.version', { versionId: v.id })
      .then((r) => setShown({ number: v.number, sections: r.sections }))
      .catch((e: unknown) => setProblem(errorMessage(e)));

  return (
    <Drawer opened={opened} onClose={onClose} title="Saved versions" position="right" size="lg">
      <Stack>
        {problem ? <Text c="red.8">{problem}</Text> : null}
        {versions.length === 0 ? <Text size="sm">Nothing saved yet.</Text> : null}
        {versions.map((v) => (
          <Group key={v.id} justify="space-between">
            <Text size="sm">
              Version {v.number}, {when(v.savedAt)},{' '}
              {v.savedIn === 'young_person_view' ? 'in the young-person view' : 'by the advocate'}, {v.words} words
              {v.agreed ? ' (agreed)' : ''}
            </Text>
            <Button size="xs" variant="default" onClick={() => open(v)} aria-label={`Read version ${v.number}`}>
              Read
            </Button>
          </Group>
        ))}
        {shown ? (
          <Stack gap="xs" mt="md">
            <Title order={3} size="h5">
              Version {shown.number}
            </Title>
            {shown.sections.map((s) => (
              <div key={s.key}>
                <Text fw={600}>{s.prompt}</Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{s.text || '(nothing written)'}</Text>
              </div>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Drawer>
  );
}
