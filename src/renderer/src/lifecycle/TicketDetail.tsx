import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary, TimelineEntry } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import { ticketNumber } from '../call-screen/TicketList';
import { useReference } from '../call-screen/use-reference';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { CallbackForm } from './CallbackForm';
import { DeadlineBadge } from './DeadlineBadge';
import { MergeActions } from './MergeActions';
import { ExtensionForm } from './ExtensionForm';
import { RoutingForm } from './RoutingForm';
import { Timeline } from './Timeline';
import type { StepHandle } from './use-ticket-step';

type Detail = { ticket: Ticket; deadline: TicketSummary['deadline']; entries: TimelineEntry[] };

/** One ticket: its fields, deadline and timeline, and the form for the step it waits for. */
export function TicketDetail({ ticketId, handleRef }: { ticketId: string; handleRef: Ref<StepHandle> }) {
  const { t } = useTranslation();
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const reference = useReference();
  const [detail, setDetail] = useState<Detail | null>(null);
  const step = useRef<StepHandle>(null);

  useEffect(() => {
    if (link !== 'open') return;
    const load = () => api.tickets.timeline({ id: ticketId }).then(setDetail, () => setDetail(null));
    void load();
    return on.tickets.changed(({ ids }) => ids.includes(ticketId) && void load());
  }, [api, on, link, ticketId]);

  useImperativeHandle(handleRef, () => ({ confirm: () => step.current?.confirm() }));

  if (!detail) return null;
  const { ticket } = detail;
  const waitsForDispatch = ticket.status === 'registered' || ticket.status === 'returned';
  const extension = ticket.status !== 'feedback' ? ticket.extensionRequest : undefined;
  return (
    <Paper withBorder p="md" data-testid="work-detail">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" ff="monospace">
          {ticketNumber(ticket)}
        </Title>
        <Group gap="xs">
          <Badge data-testid="work-status">{t(`ticket.status.${ticket.status}`)}</Badge>
          <DeadlineBadge deadline={detail.deadline} />
        </Group>
      </Group>
      <Text size="sm" mb="sm">
        {ticket.fields.description}
      </Text>
      {/* Keyed by ticket, so a form's choices never carry over to the next ticket. */}
      {waitsForDispatch && <RoutingForm key={ticket.id} ticket={ticket} handleRef={step} />}
      {ticket.status === 'feedback' && <CallbackForm key={ticket.id} ticket={ticket} handleRef={step} />}
      {extension && <ExtensionForm key={ticket.id} ticket={ticket} request={extension} handleRef={step} />}
      <MergeActions ticket={ticket} />
      <Title order={4} size="h6" mb="xs">
        {t('work.timeline')}
      </Title>
      <Timeline entries={detail.entries} reference={reference} />
    </Paper>
  );
}
