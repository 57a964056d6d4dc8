import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../shared/contract/tickets';
import type { Ticket } from '../../../shared/domain/ticket';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { ticketNumber } from '../call-screen/TicketList';
import type { Reference } from '../call-screen/use-reference';
import { nameOf } from '../monitor/names';
import { TicketActions } from '../monitor/TicketActions';
import { useAuth } from '../shell/use-auth';

/** The ticket as the lead's dialog reads it. */
const asMonitored = (ticket: Ticket, deadline: TicketSummary['deadline']): MonitorTicket => ({
  id: ticket.id,
  seq: 0,
  number: ticketNumber(ticket),
  status: ticket.status,
  category: ticket.fields.category ?? null,
  urgency: ticket.fields.urgency,
  districtCode: ticket.fields.districtCode ?? null,
  streetCode: ticket.fields.streetCode ?? null,
  leadUnit: ticket.leadUnitCode,
  createdAt: ticket.createdAt,
  createdBy: ticket.createdBy,
  dueStage: deadline?.stage ?? null,
  dueStartedAt: deadline?.startedAt ?? null,
  dueAt: deadline?.dueAt ?? null,
  incidentId: null,
  urgedCount: ticket.urgedCount,
});

/** A team lead's reassign and escalate, on an open ticket; agents do not see it (the server refuses them anyway). */
export function LeadActions({
  ticket,
  deadline,
  reference,
}: {
  ticket: Ticket;
  deadline: TicketSummary['deadline'];
  reference: Reference;
}) {
  const { t, i18n } = useTranslation();
  const user = useAuth();
  const [open, setOpen] = useState(false);
  if ((user?.role !== 'lead' && user?.role !== 'admin') || ticket.status === 'closed') return null;
  return (
    <>
      <Button variant="light" size="compact-sm" onClick={() => setOpen(true)} data-testid="lead-actions">
        {t('ticketView.leadActions')}
      </Button>
      <TicketActions
        ticket={open ? asMonitored(ticket, deadline) : null}
        onClose={() => setOpen(false)}
        name={nameOf(reference, i18n.language === 'zh-CN')}
      />
    </>
  );
}
