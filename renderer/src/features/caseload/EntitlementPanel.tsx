import { Alert, List, Text } from '@mantine/core';

/** Which statutory entitlements to advocacy apply, with their legal basis in plain words. */
export function EntitlementPanel({
  result,
}: {
  result: { entitlements: Array<{ code: string; title: string; basis: string; because: string }>; notes: string[] };
}) {
  const some = result.entitlements.length > 0;
  return (
    <Alert
      color={some ? 'teal' : 'gray'}
      title={some ? 'Statutory entitlement to advocacy' : 'No statutory entitlement found'}
      data-testid="entitlements"
    >
      {some ? (
        <List spacing="xs" size="sm">
          {result.entitlements.map((e) => (
            <List.Item key={e.code}>
              <Text size="sm" fw={600} span>
                {e.title}:
              </Text>{' '}
              {e.basis}
              <Text size="xs" c="dimmed">
                Applies because: {e.because}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {result.notes.map((n) => (
        <Text size="sm" key={n} mt={some ? 'xs' : 0}>
          {n}
        </Text>
      ))}
    </Alert>
  );
}
