import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';

/** The recovery key, made once on the first manager's laptop, shown large to print and never again once printed. */
export function RecoveryKeyCard({ recoveryKey, onPrinted }: { recoveryKey: string; onPrinted: () => void }) {
  return (
    <Stack gap="sm" data-testid="recovery-key">
      <Title order={2} size="h4">
        Your organisation’s recovery key
      </Title>
      <Alert color="red" title="Print this and keep it somewhere safe">
        Without this key, and without any laptop that holds your organisation’s key, your organisation’s synced records
        cannot be read by anyone, including your service and Heard. Heard does not keep a copy once you say it is
        printed.
      </Alert>
      <Text ff="monospace" fz={28} fw={700} style={{ wordBreak: 'break-word', lineHeight: 1.6 }}>
        {recoveryKey}
      </Text>
      <Group>
        <Button onClick={() => window.print()}>Print</Button>
        <Button variant="default" onClick={onPrinted}>
          I have printed it and put it away
        </Button>
      </Group>
    </Stack>
  );
}
