import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/** Asks before something that changes or replaces records (closing a case, removing an issue, restoring a backup). */
export function ConfirmModal(props: {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={props.title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {props.cancel ?? 'Cancel'}
          </Button>
          <Button color={props.danger ? 'red' : undefined} onClick={props.onConfirm} loading={props.busy}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
