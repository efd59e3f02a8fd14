import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centred card used by setup, unlock and problem screens. */
export function VaultFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Container size={460} py={64} component="main">
      <Paper withBorder shadow="sm" p="xl">
        <Stack gap="md">
          <div>
            <Text fw={700} c="teal.9" size="sm">
              Heard
            </Text>
            <Title order={1} size="h2">
              {title}
            </Title>
          </div>
          {intro ? <Text size="sm">{intro}</Text> : null}
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
