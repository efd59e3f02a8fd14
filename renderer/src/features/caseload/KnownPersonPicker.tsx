import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { councilName } from '../../../../shared/domain/councils';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { KnownPerson } from '../../../../shared/ipc/caseload';
import { send } from '../../api/client';

/** A re-referral: find someone already known to the service so their record is shared, not copied. */
export function KnownPersonPicker({
  chosen,
  onChoose,
}: {
  chosen: KnownPerson | null;
  onChoose: (p: KnownPerson | null) => void;
}) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [found, setFound] = useState<KnownPerson[]>([]);

  useEffect(() => {
    let live = true;
    if (!debounced.trim()) return setFound([]);
    void send('caseload.people.find', { query: debounced }).then((r) => live && setFound(r));
    return () => {
      live = false;
    };
  }, [debounced]);

  const describe = (p: KnownPerson) =>
    [
      p.dateOfBirth ? `born ${formatUkDate(p.dateOfBirth)}` : '',
      p.localAuthority ? councilName(p.localAuthority) : '',
      `${p.referrals} earlier referral${p.referrals === 1 ? '' : 's'}`,
    ]
      .filter(Boolean)
      .join(' · ');

  if (chosen) {
    return (
      <Paper withBorder p="md" component="section" aria-label="Known to the service">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{chosen.displayName}</Text>
            <Text size="sm" c="dimmed">
              {describe(chosen)}
            </Text>
          </div>
          <Button variant="default" onClick={() => onChoose(null)}>
            Enter a new person instead
          </Button>
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="Already known to the service?">
      <Stack gap="xs">
        <TextInput
          label="Already known to the service?"
          description="Search by name to add this referral to their record. Otherwise, fill in their details below."
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {found.map((p) => (
          <Group key={p.personId} justify="space-between">
            <Text size="sm">
              {p.displayName}{' '}
              <Text span c="dimmed" size="sm">
                {describe(p)}
              </Text>
            </Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => onChoose(p)}
              aria-label={`Use the record of ${p.displayName}`}
            >
              Use this record
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
