import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { managerNavItems, navItems } from './nav';
import { useIsManager } from '../team/useManager';
import { SyncBadge } from '../sync/SyncBadge';

export function AppLayout({ onLock }: { onLock: () => void }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const manager = useIsManager();
  const items = manager ? [...navItems.slice(0, 5), ...managerNavItems, ...navItems.slice(5)] : navItems;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show navigation" />
            <Text fw={800} c="teal.9" size="lg">
              Heard
            </Text>
          </Group>
          <Button variant="default" size="xs" onClick={onLock} title="Lock Heard now (Ctrl+L)">
            Lock
          </Button>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={RouterLink}
            to={item.path}
            label={item.label}
            active={item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)}
            variant="filled"
            onClick={close}
            rightSection={item.path === '/sync' ? <SyncBadge /> : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
