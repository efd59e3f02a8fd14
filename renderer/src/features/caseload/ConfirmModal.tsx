import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Asks before something that changes a case's state (closing, reopening, removing an issue). */
export function ConfirmModal(props: { opened: boolean; title: string; body: string; confirm: string; danger?: boolean; busy?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title}>
      <Stack>
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button color={props.danger ? 'red' : undefined} onClick={props.onConfirm} loading={props.busy}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
