import type { Ticket, TicketEvent, TicketStatus } from './ticket';

export type ApplyResult = { ok: true; ticket: Ticket } | { ok: false; reason: string };

/** Which statuses each event may follow; `created` alone may start a ticket. */
const allowedFrom: Record<Exclude<TicketEvent['type'], 'created'>, readonly TicketStatus[]> = {
  updated: ['registered', 'dispatched'],
  note: ['registered', 'dispatched', 'closed'],
  closed: ['registered', 'dispatched'],
  reopened: ['closed'],
  dispatched: ['registered'],
  numbered: ['registered', 'dispatched', 'closed'],
  followed_up: ['registered', 'dispatched'],
  linked_duplicate: ['registered', 'dispatched'],
};

/**
 * Applies one event to a ticket's state. Pure: the workstation uses it to show pending events on
 * top of confirmed ones, the server to refuse invalid transitions with the same reason.
 */
export function applyEvent(ticket: Ticket | null, event: TicketEvent): ApplyResult {
  if (event.type === 'created') {
    if (ticket) return { ok: false, reason: `ticket ${event.ticketId} already exists` };
    return {
      ok: true,
      ticket: {
        id: event.ticketId,
        provisionalNo: event.payload.provisionalNo,
        officialNo: null,
        status: 'registered',
        resolution: null,
        fields: event.payload.fields,
        unitCodes: [],
        leadUnitCode: null,
        createdAt: event.at,
        createdBy: event.actor,
        updatedAt: event.at,
        notes: [],
        followUps: [],
        duplicateOf: null,
        eventCount: 1,
      },
    };
  }
  if (!ticket) return { ok: false, reason: `ticket ${event.ticketId} does not exist` };
  if (ticket.id !== event.ticketId) {
    return { ok: false, reason: `event belongs to ticket ${event.ticketId}, not ${ticket.id}` };
  }
  if (!allowedFrom[event.type].includes(ticket.status)) {
    return { ok: false, reason: `cannot apply "${event.type}" to a ticket that is ${ticket.status}` };
  }
  const touched = { ...ticket, updatedAt: event.at, eventCount: ticket.eventCount + 1 };
  switch (event.type) {
    case 'updated':
      return { ok: true, ticket: { ...touched, fields: { ...ticket.fields, ...event.payload.changes } } };
    case 'note':
      return {
        ok: true,
        ticket: { ...touched, notes: [...ticket.notes, { at: event.at, actor: event.actor, text: event.payload.text }] },
      };
    case 'followed_up': {
      const { callId, note } = event.payload;
      return { ok: true, ticket: { ...touched, followUps: [...ticket.followUps, { at: event.at, actor: event.actor, callId: callId ?? null, note: note ?? null }] } };
    }
    case 'linked_duplicate':
      if (event.payload.duplicateOf === ticket.id) return { ok: false, reason: 'a ticket cannot duplicate itself' };
      return { ok: true, ticket: { ...touched, duplicateOf: event.payload.duplicateOf } };
    case 'closed':
      return { ok: true, ticket: { ...touched, status: 'closed', resolution: event.payload.resolution } };
    case 'reopened':
      return { ok: true, ticket: { ...touched, status: 'registered', resolution: null } };
    case 'dispatched':
      return {
        ok: true,
        ticket: { ...touched, status: 'dispatched', unitCodes: event.payload.unitCodes, leadUnitCode: event.payload.leadUnitCode },
      };
    case 'numbered':
      if (ticket.officialNo && ticket.officialNo !== event.payload.officialNo) {
        return { ok: false, reason: `ticket already has official number ${ticket.officialNo}` };
      }
      // Numbering is bookkeeping, not a change the agent made: it leaves updatedAt alone.
      return { ok: true, ticket: { ...ticket, officialNo: event.payload.officialNo, eventCount: touched.eventCount } };
  }
}

export interface FoldResult {
  ticket: Ticket | null;
  /** Events that could not apply, with the reason the agent will see. */
  rejected: { eventId: string; reason: string }[];
}

/**
 * Folds events in the order given. Callers pass confirmed events in server order followed by
 * their own pending events (the rebase of DESIGN.md §3); an event that no longer applies is
 * reported, never dropped silently.
 */
export function foldTicket(events: readonly TicketEvent[]): FoldResult {
  let ticket: Ticket | null = null;
  const rejected: FoldResult['rejected'] = [];
  for (const event of events) {
    const result = applyEvent(ticket, event);
    if (result.ok) ticket = result.ticket;
    else rejected.push({ eventId: event.id, reason: result.reason });
  }
  return { ticket, rejected };
}
