import { Kbd, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actions, formatHotkey, listKeys } from './actions';
import { useDialogProps } from './dialog-props';

const listGroups = [...new Set(listKeys.map((entry) => entry.lists))];

/** F1: the full list of actions and their keys, then the keys that act on a list's selected row. */
export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  return (
    <Modal opened={opened} onClose={onClose} title={t('help.title')} size="lg" {...dialog}>
      <Table striped withTableBorder data-testid="shortcut-help">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('help.action')}</Table.Th>
            <Table.Th>{t('help.keys')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td>{t(`actions.${action.id}.label`)}</Table.Td>
              <Table.Td>
                <Kbd>{formatHotkey(action.hotkey)}</Kbd>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {listGroups.map((lists) => (
        <Table key={lists} striped withTableBorder mt="sm" data-testid={`list-key-help-${lists}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`supervision.listKeys.${lists}`)}</Table.Th>
              <Table.Th>{t('help.keys')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {listKeys
              .filter((entry) => entry.lists === lists)
              .map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{t(`supervision.listKeys.${entry.id}`)}</Table.Td>
                  <Table.Td>
                    <Kbd>{entry.key}</Kbd>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      ))}
      <Text size="sm" c="dimmed" mt="sm">
        {t('help.hint')}
      </Text>
    </Modal>
  );
}
