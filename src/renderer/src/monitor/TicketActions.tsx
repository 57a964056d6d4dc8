import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { useReference } from '../call-screen/use-reference';
import type { NameOf } from './names';
import { useTicketActions } from './use-ticket-actions';
import { useDialogProps } from '../shell/dialog-props';

/** The lead's dialog on one ticket (Enter on a row): reassign it, or raise its urgency. */
export function TicketActions({ ticket, onClose, name }: { ticket: MonitorTicket | null; onClose: () => void; name: NameOf }) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  const reference = useReference();
  const [unit, setUnit] = useState<string | null>(null);
  const { message, clearMessage, reassign, escalate } = useTicketActions();
  return (
    <Modal
      {...dialog}
      opened={ticket !== null}
      onClose={() => {
        clearMessage();
        onClose();
      }}
      title={ticket ? t('monitor.actions', { number: ticket.number }) : ''}
    >
      {ticket && (
        <Stack>
          <Text size="sm">
            {name(ticket.category)} · {name(ticket.districtCode)} · {name(ticket.leadUnit)}
          </Text>
          <Group align="flex-end">
            <Select
              style={{ flex: 1 }}
              label={t('monitor.reassign')}
              searchable
              data-autofocus
              value={unit}
              onChange={setUnit}
              data={reference.units.map((u) => ({ value: u.code, label: u.zh }))}
            />
            <Button onClick={() => unit && reassign(ticket, unit)} disabled={!unit}>
              {t('monitor.reassign')}
            </Button>
          </Group>
          <Button variant="light" color="orange" onClick={() => escalate(ticket)} disabled={ticket.urgency === 'emergency'}>
            {t('monitor.escalate')}
          </Button>
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        </Stack>
      )}
    </Modal>
  );
}
