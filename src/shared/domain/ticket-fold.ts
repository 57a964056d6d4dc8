import type { Refusal } from './refusal';
import type { Ticket, TicketEvent, TicketStatus } from './ticket';

export type ApplyResult = { ok: true; ticket: Ticket } | { ok: false; refusal: Refusal };

const open: readonly TicketStatus[] = ['registered', 'dispatched', 'accepted', 'in_progress', 'returned', 'feedback'];
const withUnit: readonly TicketStatus[] = ['accepted', 'in_progress'];

/**
 * Which statuses each event may follow (the lifecycle of docs/architecture.md); `created` alone may start
 * a ticket. Exported so tests can walk every status × event pair.
 */
export const allowedFrom: Record<Exclude<TicketEvent['type'], 'created'>, readonly TicketStatus[]> = {
  updated: open,
  note: [...open, 'closed'],
  followed_up: open,
  linked_duplicate: ['registered', 'dispatched'],
  numbered: [...open, 'closed'],
  // From dispatched: a lead reassigns (改派) before the unit has accepted.
  dispatched: ['registered', 'returned', 'dispatched'],
  unit_accepted: ['dispatched'],
  unit_progress: withUnit,
  unit_feedback: withUnit,
  unit_returned: ['dispatched', ...withUnit],
  extension_requested: withUnit,
  extension_decided: withUnit,
  // A unit is urged while its feedback clock runs: dispatched, accepted or working on it.
  urged: ['dispatched', ...withUnit],
  callback_recorded: ['feedback'],
  // The normal end is the callback; closing directly is for direct answers, withdrawals and merges.
  closed: ['registered', 'dispatched', 'returned', 'feedback'],
  reopened: ['closed'],
  // Only a merged ticket (closed) can be unmerged; any other is told so by its own refusal, `not_merged`.
  unmerged: [...open, 'closed'],
};

/** Checks of an event against the ticket beyond its status; null when it may apply. */
function refusal(ticket: Ticket, event: TicketEvent): Refusal | null {
  switch (event.type) {
    case 'unit_accepted':
    case 'unit_progress':
    case 'unit_feedback':
    case 'unit_returned':
    case 'extension_requested':
    case 'urged':
      if (ticket.unitCodes.includes(event.payload.unitCode)) return null;
      return { code: 'unit_not_dispatched', params: { unitCode: event.payload.unitCode } };
    case 'extension_decided':
      return ticket.extensionRequest ? null : { code: 'no_extension_request', params: {} };
    case 'closed': {
      const { resolution } = event.payload;
      const wrongStage =
        (resolution === 'direct_answer' && ticket.status !== 'registered') || (resolution === 'resolved' && ticket.status !== 'feedback');
      if (wrongStage) {
        return { code: 'invalid_resolution', params: { resolution, status: ticket.status } };
      }
      if (event.payload.mergedInto === ticket.id) return { code: 'merged_into_self', params: {} };
      return null;
    }
    case 'dispatched':
      // Two agents dispatching the same ticket is a race to report, not a silent reassignment.
      return ticket.status === 'dispatched' && !event.payload.reassign ? { code: 'already_dispatched', params: {} } : null;
    case 'linked_duplicate':
      return event.payload.duplicateOf === ticket.id ? { code: 'duplicate_of_self', params: {} } : null;
    case 'unmerged':
      return ticket.resolution === 'merged' ? null : { code: 'not_merged', params: { status: ticket.status } };
    default:
      return null;
  }
}

/**
 * Applies one event to a ticket's state. Pure: the workstation uses it to show pending events on
 * top of confirmed ones, the server to refuse invalid transitions with the same refusal.
 */
export function applyEvent(ticket: Ticket | null, event: TicketEvent): ApplyResult {
  if (event.type === 'created') {
    if (ticket) return { ok: false, refusal: { code: 'ticket_exists', params: { ticketId: event.ticketId } } };
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
        dispatchedAt: null,
        acceptedAt: null,
        feedback: null,
        returnReason: null,
        returnedAt: null,
        extensionHours: 0,
        extensionRequest: null,
        satisfaction: null,
        redoCount: 0,
        articleCode: null,
        mergedInto: null,
        statusBeforeMerge: null,
        closedAt: null,
        urgedCount: 0,
        lastUrge: null,
        eventCount: 1,
      },
    };
  }
  if (!ticket) return { ok: false, refusal: { code: 'unknown_ticket', params: { ticketId: event.ticketId } } };
  if (ticket.id !== event.ticketId) {
    return { ok: false, refusal: { code: 'wrong_ticket', params: { ticketId: event.ticketId, expected: ticket.id } } };
  }
  if (!allowedFrom[event.type].includes(ticket.status)) {
    return { ok: false, refusal: { code: 'invalid_transition', params: { eventType: event.type, status: ticket.status } } };
  }
  const refused = refusal(ticket, event);
  if (refused) return { ok: false, refusal: refused };
  const touched = { ...ticket, updatedAt: event.at, eventCount: ticket.eventCount + 1 };
  switch (event.type) {
    case 'updated':
      return { ok: true, ticket: { ...touched, fields: { ...ticket.fields, ...event.payload.changes } } };
    case 'note':
      return { ok: true, ticket: { ...touched, notes: [...ticket.notes, { at: event.at, actor: event.actor, text: event.payload.text }] } };
    case 'followed_up': {
      const { callId, note } = event.payload;
      return {
        ok: true,
        ticket: {
          ...touched,
          followUps: [...ticket.followUps, { at: event.at, actor: event.actor, callId: callId ?? null, note: note ?? null }],
        },
      };
    }
    case 'linked_duplicate':
      return { ok: true, ticket: { ...touched, duplicateOf: event.payload.duplicateOf } };
    case 'dispatched':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'dispatched',
          unitCodes: event.payload.unitCodes,
          leadUnitCode: event.payload.leadUnitCode,
          dispatchedAt: event.at,
          acceptedAt: null,
          returnReason: null,
          returnedAt: null,
          extensionHours: 0,
          extensionRequest: null,
        },
      };
    case 'unit_accepted':
      return { ok: true, ticket: { ...touched, status: 'accepted', acceptedAt: event.at } };
    case 'unit_progress':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'in_progress',
          notes: [...ticket.notes, { at: event.at, actor: event.actor, text: event.payload.note }],
        },
      };
    case 'unit_feedback':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'feedback',
          feedback: { at: event.at, unitCode: event.payload.unitCode, summary: event.payload.summary },
          extensionRequest: null,
        },
      };
    case 'unit_returned':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'returned',
          returnReason: event.payload.reason,
          returnedAt: event.at,
          unitCodes: [],
          leadUnitCode: null,
          dispatchedAt: null,
          acceptedAt: null,
          extensionRequest: null,
        },
      };
    case 'extension_requested':
      return {
        ok: true,
        ticket: {
          ...touched,
          extensionRequest: { at: event.at, unitCode: event.payload.unitCode, hours: event.payload.hours, reason: event.payload.reason },
        },
      };
    case 'extension_decided':
      return {
        ok: true,
        ticket: {
          ...touched,
          extensionHours: ticket.extensionHours + (event.payload.approved ? ticket.extensionRequest!.hours : 0),
          extensionRequest: null,
        },
      };
    case 'urged': {
      const { unitCode, reason } = event.payload;
      // Bookkeeping of the hotline's pressure on the unit: the order's own clocks do not move.
      return {
        ok: true,
        ticket: { ...touched, urgedCount: ticket.urgedCount + 1, lastUrge: { at: event.at, actor: event.actor, unitCode, reason } },
      };
    }
    case 'callback_recorded':
      if (event.payload.satisfaction === 'unsatisfied') {
        // Back to the same unit to handle again, on a new feedback clock.
        return {
          ok: true,
          ticket: {
            ...touched,
            status: 'dispatched',
            satisfaction: 'unsatisfied',
            redoCount: ticket.redoCount + 1,
            dispatchedAt: event.at,
            acceptedAt: null,
            feedback: null,
            extensionHours: 0,
          },
        };
      }
      return {
        ok: true,
        ticket: { ...touched, status: 'closed', resolution: 'resolved', satisfaction: event.payload.satisfaction, closedAt: event.at },
      };
    case 'closed':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'closed',
          resolution: event.payload.resolution,
          articleCode: event.payload.articleCode ?? null,
          mergedInto: event.payload.mergedInto ?? null,
          statusBeforeMerge: event.payload.resolution === 'merged' ? ticket.status : null,
          closedAt: event.at,
        },
      };
    case 'unmerged':
      // Everything else the merge left as it was (units, clocks, feedback), so the ticket is where it stood.
      // A ticket merged before the status was kept goes back to the hotline's desk.
      return {
        ok: true,
        ticket: {
          ...touched,
          status: ticket.statusBeforeMerge ?? 'registered',
          resolution: null,
          mergedInto: null,
          statusBeforeMerge: null,
          closedAt: null,
        },
      };
    case 'reopened':
      return {
        ok: true,
        ticket: {
          ...touched,
          status: 'registered',
          resolution: null,
          closedAt: null,
          satisfaction: null,
          unitCodes: [],
          leadUnitCode: null,
          dispatchedAt: null,
          acceptedAt: null,
          feedback: null,
        },
      };
    case 'numbered':
      if (ticket.officialNo && ticket.officialNo !== event.payload.officialNo) {
        return { ok: false, refusal: { code: 'already_numbered', params: { officialNo: ticket.officialNo } } };
      }
      // Numbering is bookkeeping, not a change the agent made: it leaves updatedAt alone.
      return { ok: true, ticket: { ...ticket, officialNo: event.payload.officialNo, eventCount: touched.eventCount } };
  }
}

export interface FoldResult {
  ticket: Ticket | null;
  /** Events that could not apply, with the refusal the agent will see. */
  rejected: { eventId: string; refusal: Refusal }[];
}

/**
 * Folds events in the order given. Callers pass confirmed events in server order followed by
 * their own pending events (the rebase of docs/architecture.md, *Tickets are an event log*); an event that no longer applies is
 * reported, never dropped silently.
 */
export function foldTicket(events: readonly TicketEvent[]): FoldResult {
  let ticket: Ticket | null = null;
  const rejected: FoldResult['rejected'] = [];
  for (const event of events) {
    const result = applyEvent(ticket, event);
    if (result.ok) ticket = result.ticket;
    else rejected.push({ eventId: event.id, refusal: result.refusal });
  }
  return { ticket, rejected };
}
