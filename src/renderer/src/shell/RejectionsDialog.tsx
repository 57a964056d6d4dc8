import { Alert, Button, Group, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../shared/contract/tickets';
import { callErrorText } from '../api/use-call';
import { useWorkstation } from './api-context';
import { useRefusalText } from './refusal-text';
import { useDialogProps } from './dialog-props';

/** Alt+R: what the server refused and why; nothing the agent typed disappears without a trace. */
export function RejectionsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  const { api, on } = useWorkstation();
  const { refusalText } = useRefusalText();
  const [rows, setRows] = useState<Rejection[]>([]);

  useEffect(() => {
    if (!opened) return;
    const load = () => api.tickets.rejections().then(setRows, () => setRows([]));
    void load();
    return on.sync.status(() => void load());
  }, [api, on, opened]);

  const [failure, setFailure] = useState<string | null>(null);
  // Retry makes the same change again on the ticket as it is now; if it no longer applies, say why.
  const retry = (eventId: string) => {
    setFailure(null);
    api.tickets.retryRejected({ eventId }).then(
      () => {},
      (error: unknown) => setFailure(callErrorText(t, error, true)),
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('rejections.title')} size="xl" {...dialog}>
      {failure && (
        <Alert color="red" mb="sm" role="alert">
          {failure}
        </Alert>
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {t('rejections.help')}
      </Text>
      {rows.length === 0 ? (
        <Text>{t('rejections.none')}</Text>
      ) : (
        <Table data-testid="rejections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rejections.ticket')}</Table.Th>
              <Table.Th>{t('rejections.change')}</Table.Th>
              <Table.Th>{t('rejections.reason')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.eventId}>
                <Table.Td>{row.officialNo ?? row.provisionalNo ?? row.ticketId}</Table.Td>
                <Table.Td>{row.type}</Table.Td>
                <Table.Td data-code={row.refusal.code}>{refusalText(row.refusal)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" onClick={() => retry(row.eventId)}>
                      {t('rejections.retry')}
                    </Button>
                    <Button size="compact-sm" variant="light" onClick={() => void api.tickets.dismissRejection({ eventId: row.eventId })}>
                      {t('rejections.dismiss')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
