import { type Ticket, type TicketEvent, ticketEventSchema } from '../../shared/domain/ticket';
import { newId } from '../../shared/domain/ids';
import { refusalMessage } from '../../shared/domain/refusal';
import { AppError, refusedChange, toFieldIssues } from '../../shared/result';
import { urgeRefusal } from '../../shared/domain/urge';
import { deadlineOf, proposeRoute, slaPolicyFor, unitNames } from '../store/routing-store';
import { getTicket, recordEvent, timelineOf } from '../store/ticket-store';
import { workQueue } from '../store/work-queue';
import type { CoreDeps, DomainHandlers } from './types';

type LifecycleCalls =
  'timeline' | 'proposeRoute' | 'dispatch' | 'recordCallback' | 'decideExtension' | 'merge' | 'unmerge' | 'urge' | 'worklist';

/**
 * The hotline's side of the work-order lifecycle: routing and dispatch, callbacks,
 * extension decisions, and the timeline and worklists that show where each ticket stands.
 */

/** An event made from a type and its payload, checked as the server will check it: a wrong one is refused here, with its fields. */
export function checkedEvent(raw: {
  id: string;
  ticketId: string;
  type: TicketEvent['type'];
  at: string;
  actor: string;
  origin: string;
  payload: unknown;
}): TicketEvent {
  const parsed = ticketEventSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('invalid_input', `This ${raw.type} change is not valid; nothing was changed.`, toFieldIssues(parsed.error));
  return parsed.data;
}

export function lifecycleHandlers(
  { db, identity, now, signin }: CoreDeps,
  actor: () => string,
  saved: (ticket: Ticket) => Ticket,
): Pick<DomainHandlers<'tickets'>, LifecycleCalls> {
  const existing = (id: string) => {
    const ticket = getTicket(db, id);
    if (!ticket) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
    return ticket;
  };
  const record = (id: string, type: TicketEvent['type'], payload: unknown) => {
    existing(id);
    const at = now().toISOString();
    return saved(
      recordEvent(db, checkedEvent({ id: newId(), ticketId: id, type, at, actor: actor(), origin: identity.code, payload }), at),
    );
  };
  return {
    timeline: ({ id }) => {
      const ticket = existing(id);
      return { ticket, deadline: deadlineOf(db, ticket), entries: timelineOf(db, id) };
    },
    proposeRoute: ({ id }) => {
      const proposal = proposeRoute(db, existing(id));
      if ('refusal' in proposal) {
        const why = refusalMessage(proposal.refusal);
        throw refusedChange(proposal.refusal, `No unit can be proposed: ${why}. Choose the district and street first.`);
      }
      return { ...proposal, name: unitNames(db, proposal.unitCode) };
    },
    dispatch: ({ id, unitCodes, leadUnitCode, note, reassign, reason }) =>
      record(id, 'dispatched', {
        unitCodes,
        leadUnitCode,
        ...(note ? { note } : {}),
        ...(reassign ? { reassign: true as const, reason } : {}),
      }),
    recordCallback: ({ id, satisfaction, note }) => record(id, 'callback_recorded', { satisfaction, ...(note ? { note } : {}) }),
    decideExtension: ({ id, approved, note }) => record(id, 'extension_decided', { approved, ...(note ? { note } : {}) }),
    merge: ({ id }) => {
      const { duplicateOf } = existing(id);
      if (!duplicateOf) throw refusedChange({ code: 'not_linked_duplicate', params: {} });
      return record(id, 'closed', { resolution: 'merged', mergedInto: duplicateOf });
    },
    unmerge: ({ id, reason }) => record(id, 'unmerged', { reason }),
    urge: ({ id, unitCode, reason }) => {
      const ticket = existing(id);
      const unit = unitCode ?? ticket.leadUnitCode;
      if (!unit) throw refusedChange({ code: 'invalid_transition', params: { eventType: 'urged', status: ticket.status } });
      // Asked here as the server will ask it, so an order on time is refused before anything is written.
      const early = urgeRefusal(ticket, slaPolicyFor(db, ticket), now().toISOString());
      if (early) throw refusedChange(early);
      return record(id, 'urged', { unitCode: unit, reason });
    },
    worklist: (request) => workQueue(db, { ...request, me: signin.user()?.username ?? null, now: now().toISOString() }),
  };
}
