import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockAt } from '../../../shared/domain/sla';
import type { MonitorTicket } from '../../../shared/server-api/monitor';
import { callErrorText } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

const nextUrgency = { normal: 'urgent', urgent: 'emergency', emergency: 'emergency' } as const;

/** A unit is urged on an order with it whose feedback clock is at risk or overdue (the server asks the same). */
export function mayUrge(ticket: MonitorTicket, now: Date): boolean {
  if (!ticket.leadUnit || ticket.dueStage !== 'feedback' || !ticket.dueStartedAt || !ticket.dueAt) return false;
  return clockAt(ticket.dueStartedAt, ticket.dueAt, now).state !== 'on_time';
}

export interface TicketActions {
  /** What the last action came to, shown in the dialog where the lead acted. */
  message: { ok: boolean; text: string } | null;
  clearMessage(): void;
  /** A reassignment (of a dispatched ticket) needs its reason; a first dispatch takes it as a note. */
  reassign(ticket: MonitorTicket, unit: string, reason: string): void;
  escalate(ticket: MonitorTicket): void;
  urge(ticket: MonitorTicket, reason: string, unitName: string): void;
}

/** Reassign (改派) before the unit accepts, raise the urgency, or urge the unit (督办): all ordinary ticket events. */
export function useTicketActions(): TicketActions {
  const { t } = useTranslation();
  const { api } = useWorkstation();
  const [message, setMessage] = useState<TicketActions['message']>(null);
  const report = (failure: unknown) => setMessage({ ok: false, text: callErrorText(t, failure, true) });
  const reassign = (ticket: MonitorTicket, unit: string, reason: string) => {
    const text = reason.trim();
    const moving = ticket.status === 'dispatched';
    const input = {
      id: ticket.id,
      unitCodes: [unit],
      leadUnitCode: unit,
      ...(moving ? { reassign: true, reason: text } : text ? { note: text } : {}),
    };
    api.tickets.dispatch(input).then(() => setMessage({ ok: true, text: t('monitor.reassignDone') }), report);
  };
  const escalate = (ticket: MonitorTicket) => {
    const urgency = nextUrgency[ticket.urgency];
    api.tickets
      .update({ id: ticket.id, changes: { urgency } })
      .then(() => setMessage({ ok: true, text: t('monitor.escalated', { urgency: t(`intake.urgencies.${urgency}`) }) }), report);
  };
  const urge = (ticket: MonitorTicket, reason: string, unitName: string) => {
    api.tickets
      .urge({ id: ticket.id, reason: reason.trim() })
      .then(() => setMessage({ ok: true, text: t('supervision.urged', { unit: unitName }) }), report);
  };
  return { message, clearMessage: () => setMessage(null), reassign, escalate, urge };
}
