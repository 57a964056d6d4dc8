import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { useReference } from '../call-screen/use-reference';
import type { NameOf } from './names';
import { mayUrge, type TicketActions as Actions, useTicketActions } from './use-ticket-actions';
import { useDialogProps } from '../shell/dialog-props';

/** The lead's dialog on one ticket (Enter on a row): reassign it with a reason, urge its unit, or raise its urgency. */
export function TicketActions({ ticket, onClose, name }: { ticket: MonitorTicket | null; onClose: () => void; name: NameOf }) {
  const { t } = useTranslation();
  const dialog = useDialogProps();
  const reference = useReference();
  const [unit, setUnit] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const actions = useTicketActions();
  const { message, clearMessage, reassign, escalate } = actions;
  // A reassignment says why; a first dispatch from here may say it as a note.
  const needsReason = ticket?.status === 'dispatched' && !reason.trim();
  return (
    <Modal
      {...dialog}
      opened={ticket !== null}
      onClose={() => {
        clearMessage();
        setReason('');
        onClose();
      }}
      title={ticket ? t('monitor.actions', { number: ticket.number }) : ''}
    >
      {ticket && (
        <Stack>
          <Text size="sm">
            {name(ticket.category)} · {name(ticket.districtCode)} · {name(ticket.leadUnit)}
          </Text>
          {mayUrge(ticket, new Date()) && <UrgeForm ticket={ticket} name={name} urge={actions.urge} />}
          <Select
            label={t('monitor.reassign')}
            searchable
            data-autofocus
            value={unit}
            onChange={setUnit}
            data={reference.units.map((u) => ({ value: u.code, label: u.zh }))}
          />
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('supervision.reassignReason')}
              placeholder={t('supervision.reassignReasonHint')}
              withAsterisk={ticket.status === 'dispatched'}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              data-testid="reassign-reason"
            />
            <Button onClick={() => unit && reassign(ticket, unit, reason)} disabled={!unit || needsReason} data-testid="reassign">
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

/** Urging (督办) the unit of an order at risk or overdue: the reason, then Enter. */
function UrgeForm({ ticket, name, urge }: { ticket: MonitorTicket; name: NameOf; urge: Actions['urge'] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const unitName = name(ticket.leadUnit);
  const send = () => text.trim() && urge(ticket, text, unitName);
  return (
    <Group align="flex-end">
      <TextInput
        style={{ flex: 1 }}
        label={t('supervision.urgeHint', { unit: unitName })}
        placeholder={t('supervision.urgeReasonHint')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            send();
          }
        }}
        data-autofocus
        data-testid="urge-reason"
      />
      <Button color="red" onClick={send} disabled={!text.trim()} data-testid="urge">
        {t('supervision.urge')}
      </Button>
    </Group>
  );
}
