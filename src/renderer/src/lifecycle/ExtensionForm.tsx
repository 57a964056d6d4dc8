import { Button, Group, Stack, Text } from '@mantine/core';
import { type Ref, useImperativeHandle } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/domain/ticket';
import { useWorkstation } from '../shell/api-context';
import { ConfirmHint } from './ConfirmHint';
import { type StepHandle, useTicketStep } from './use-ticket-step';

/** A unit's request for more time: approved (Alt+Enter) or refused. */
export function ExtensionForm({
  ticket,
  request,
  handleRef,
}: {
  ticket: Ticket;
  request: NonNullable<Ticket['extensionRequest']>;
  handleRef: Ref<StepHandle>;
}) {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const run = useTicketStep();
  const decide = (approved: boolean) =>
    void run(() => api.tickets.decideExtension({ id: ticket.id, approved }), approved ? 'work.extensionApproved' : 'work.extensionRefused');
  useImperativeHandle(handleRef, () => ({ confirm: () => decide(true) }));

  return (
    <Stack gap="xs" mb="md" data-testid="extension-form">
      <Text size="sm">{t('work.extensionAsked', { hours: request.hours, reason: request.reason })}</Text>
      <Group>
        <Button onClick={() => decide(true)} rightSection={<ConfirmHint />}>
          {t('work.approve')}
        </Button>
        <Button variant="default" onClick={() => decide(false)}>
          {t('work.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}
