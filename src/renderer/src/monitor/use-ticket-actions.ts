import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { callErrorText } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

const nextUrgency = { normal: 'urgent', urgent: 'emergency', emergency: 'emergency' } as const;

export interface TicketActions {
  /** What the last action came to, shown in the dialog where the lead acted. */
  message: { ok: boolean; text: string } | null;
  clearMessage(): void;
  reassign(ticket: MonitorTicket, unit: string): void;
  escalate(ticket: MonitorTicket): void;
}

/** Reassign (改派) before the unit accepts, or raise the urgency: both are ordinary ticket events. */
export function useTicketActions(): TicketActions {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [message, setMessage] = useState<TicketActions['message']>(null);
  const report = (failure: unknown) => setMessage({ ok: false, text: callErrorText(t, failure, true) });
  const reassign = (ticket: MonitorTicket, unit: string) => {
    const input = { id: ticket.id, unitCodes: [unit], leadUnitCode: unit, reassign: ticket.status === 'dispatched' };
    api.tickets.dispatch(input).then(() => setMessage({ ok: true, text: t('monitor.reassignDone') }), report);
  };
  const escalate = (ticket: MonitorTicket) => {
    const urgency = nextUrgency[ticket.urgency];
    api.tickets
      .update({ id: ticket.id, changes: { urgency } })
      .then(() => setMessage({ ok: true, text: t('monitor.escalated', { urgency: t(`intake.urgencies.${urgency}`) }) }), report);
  };
  return { message, clearMessage: () => setMessage(null), reassign, escalate };
}
