import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary, TimelineEntry } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import { ticketNumber } from '../call-screen/TicketList';
import { useReference } from '../call-screen/use-reference';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useOpenTicket } from '../ticket/open-ticket';
import { LeadActions } from '../ticket/LeadActions';
import { TicketFields } from '../ticket/TicketFields';
import { type Links, TicketLinks } from '../ticket/TicketLinks';
import { useActorName } from '../ticket/use-actor-name';
import { CallbackForm } from './CallbackForm';
import { DeadlineBadge } from './DeadlineBadge';
import { MergeActions } from './MergeActions';
import { ExtensionForm } from './ExtensionForm';
import { RoutingForm } from './RoutingForm';
import { Timeline } from './Timeline';
import type { StepHandle } from './use-ticket-step';

type Detail = { ticket: Ticket; deadline: TicketSummary['deadline']; entries: TimelineEntry[]; links: Links };

/**
 * One ticket, the same wherever it is opened: its fields, deadline, linked duplicates and timeline,
 * and the form for the step it waits for.
 */
export function TicketDetail({ ticketId, handleRef }: { ticketId: string; handleRef: Ref<StepHandle> }) {
  const { t } = useTranslation();
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const reference = useReference();
  const openTicket = useOpenTicket();
  const actorName = useActorName(reference);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [missing, setMissing] = useState(false);
  const step = useRef<StepHandle>(null);

  useEffect(() => {
    if (link !== 'open') return;
    const load = () =>
      Promise.all([api.tickets.timeline({ id: ticketId }), api.tickets.links({ id: ticketId })]).then(
        ([timeline, links]) => {
          setDetail({ ...timeline, links });
          setMissing(false);
        },
        () => {
          setDetail(null);
          setMissing(true);
        },
      );
    void load();
    // A duplicate linked to this ticket elsewhere changes what it shows too, so every change reloads it.
    return on.tickets.changed(() => void load());
  }, [api, on, link, ticketId]);

  const timelineLinks = useMemo(() => {
    if (!openTicket || !detail) return undefined;
    const known = [detail.links.original, ...detail.links.duplicates].filter((s) => s !== null);
    const numberOf = (id: string) => {
      const found = known.find((s) => s.id === id);
      return found ? ticketNumber(found) : null;
    };
    return { open: openTicket, numberOf };
  }, [openTicket, detail]);

  useImperativeHandle(handleRef, () => ({ confirm: () => step.current?.confirm() }));

  if (!detail)
    return missing ? (
      <Paper withBorder p="md" data-testid="ticket-missing">
        <Text c="dimmed">{t('ticketView.notCached')}</Text>
      </Paper>
    ) : null;
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
          <LeadActions ticket={ticket} deadline={detail.deadline} reference={reference} />
        </Group>
      </Group>
      <Text size="sm" mb="sm" data-testid="ticket-description">
        {ticket.fields.description}
      </Text>
      <TicketFields ticket={ticket} deadline={detail.deadline} reference={reference} actorName={actorName} />
      {openTicket && <TicketLinks links={detail.links} onOpen={openTicket} />}
      {/* Keyed by ticket, so a form's choices never carry over to the next ticket. */}
      {waitsForDispatch && <RoutingForm key={ticket.id} ticket={ticket} handleRef={step} />}
      {ticket.status === 'feedback' && <CallbackForm key={ticket.id} ticket={ticket} handleRef={step} />}
      {extension && <ExtensionForm key={ticket.id} ticket={ticket} request={extension} handleRef={step} />}
      <MergeActions ticket={ticket} />
      <Title order={4} size="h6" mb="xs">
        {t('work.timeline')}
      </Title>
      <Timeline entries={detail.entries} reference={reference} links={timelineLinks} />
    </Paper>
  );
}
