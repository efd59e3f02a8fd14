import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CouncilAddress } from '../../../../shared/ipc/letters';
import { HeardError, errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';

/**
 * Councils' complaints addresses, written once and put into every complaint letter to that
 * council. The council is matched by the name in the case's local authority field.
 */
export function CouncilAddresses() {
  const [list, setList] = useState<CouncilAddress[] | null>(null);
  const [council, setCouncil] = useState('');
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useEffect(() => {
    send('councils.list', {})
      .then(setList)
      .catch((e) => setMessage({ ok: false, text: errorMessage(e) }));
  }, []);

  const save = async (entry: CouncilAddress, done: string) => {
    try {
      setList(await send('councils.save', entry));
      setFields({});
      setCouncil('');
      setAddress('');
      setMessage({ ok: true, text: done });
      announce('council-address-saved');
    } catch (e) {
      setFields(e instanceof HeardError ? (e.fields ?? {}) : {});
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="councils-title">
      <Title order={2} size="h4" id="councils-title" mb="xs">
        Council complaints addresses
      </Title>
      <Stack gap="sm" maw={560}>
        <Text size="sm" c="dimmed">
          Complaint letters to a council put its address under the complaints manager. Use the council's name as it is
          written in the case's local authority.
        </Text>
        {message ? (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        ) : null}
        {list && list.length === 0 ? (
          <Text size="sm">No addresses yet. Letters leave the address line out until one is added.</Text>
        ) : null}
        {list && list.length > 0 ? (
          <List spacing="xs">
            {list.map((c) => (
              <List.Item key={c.council}>
                <Group gap="xs" align="flex-start">
                  <Text size="sm" fw={600}>
                    {c.council}:
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {c.complaintsAddress}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      setCouncil(c.council);
                      setAddress(c.complaintsAddress);
                    }}
                  >
                    Change
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void save({ council: c.council, complaintsAddress: '' }, 'Address removed.')}
                  >
                    Remove
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        ) : null}
        <TextInput
          label="Council"
          value={council}
          maxLength={200}
          onChange={(e) => setCouncil(e.currentTarget.value)}
          error={fields.council}
        />
        <Textarea
          label="Complaints address"
          description="One line per row."
          value={address}
          autosize
          minRows={3}
          maxLength={1000}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={fields.complaintsAddress}
        />
        <Group>
          <Button
            disabled={!council.trim() || !address.trim()}
            onClick={() =>
              void save(
                { council, complaintsAddress: address },
                'Address saved. New letters to this council will use it.',
              )
            }
          >
            Save address
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
