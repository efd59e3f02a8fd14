import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { ServicePerson } from '../../../../shared/sync/team-protocol';
import { errorMessage, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { ProblemAlert } from '../shell/ProblemAlert';
import { AddPersonForm } from './AddPersonForm';

const roleWords: Record<ServicePerson['role'], string> = {
  advocate: 'Advocate',
  manager: 'Manager',
  admin: 'Administrator',
};

/** The service's people: who they are, their role, whether their account is open; add or close one. */
export function PeoplePage() {
  const [people, setPeople] = useState<ServicePerson[] | null>(null);
  const [me, setMe] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<ServicePerson | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    send('team.people.list', {}).then(
      (list) => {
        setPeople(list);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    load();
    void send('caseload.me.get', {}).then((m) => setMe(m.advocate.id));
  }, [load]);

  const deactivate = async () => {
    if (!closing) return;
    setBusy(true);
    try {
      const p = await send('team.people.deactivate', { userId: closing.id });
      setDone(`${p.name}'s account is closed.`);
      setClosing(null);
      load();
    } catch (e) {
      setError(errorMessage(e));
      setClosing(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="People"
        description="Your service's advocates and managers. Everyone here is in every laptop's list of advocates."
        actions={
          <Button component={Link} to="/laptops" variant="default">
            Laptops and enrolment codes
          </Button>
        }
      />
      <Stack gap="xl">
        <ProblemAlert problem={error} />
        {done ? (
          <Text role="status" size="sm">
            {done}
          </Text>
        ) : null}
        {people && people.length === 0 ? (
          <EmptyState title="No one yet" next="Add your advocates and managers below." />
        ) : null}
        {people && people.length > 0 ? (
          <Table striped aria-label="The service's people">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email address</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.email}</Table.Td>
                  <Table.Td>{roleWords[p.role]}</Table.Td>
                  <Table.Td>
                    {p.active ? (
                      <Badge color="teal">Active</Badge>
                    ) : (
                      <Text size="sm">
                        Closed{p.deactivatedAt ? ` on ${formatUkDate(p.deactivatedAt.slice(0, 10))}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.active && p.id !== me && p.role !== 'admin' ? (
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => setClosing(p)}
                        aria-label={`Close ${p.name}'s account`}
                      >
                        Close account
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <AddPersonForm
          onAdded={(p) => {
            setDone(`${p.name} is added. Give them an enrolment code from the Laptops screen to connect their laptop.`);
            load();
          }}
        />
      </Stack>
      <ConfirmModal
        opened={closing !== null}
        title={closing ? `Close ${closing.name}'s account?` : ''}
        body={
          closing
            ? `${closing.name} will no longer be able to sync. Their laptops are disconnected and the records on them removed the next time they connect, so ask them to sync first. Cases allocated to them stay theirs until you allocate them to someone else: the Team screen lists them.`
            : ''
        }
        confirm="Close account"
        danger
        busy={busy}
        onConfirm={() => void deactivate()}
        onCancel={() => setClosing(null)}
      />
    </>
  );
}
