import { newId } from '../../shared/domain/ids';
import { formatProvisionalNumber } from '../../shared/domain/provisional-number';
import type { Ticket } from '../../shared/domain/ticket';
import { AppError } from '../../shared/result';
import { discardDraft } from '../store/drafts-store';
import { dismissRejection, getTicket, lastConfirmedSeq, nextInSequence, openRejections, recentTickets, recordEvent } from '../store/ticket-store';
import { currentSyncStatus } from './sync';
import type { CoreDeps, DomainHandlers } from './types';

export const ticketsHandlers = ({ db, bus, identity, now, sync }: CoreDeps): DomainHandlers<'tickets'> => {
  // The signed-in agent (the server checks it); a workstation nobody signed in to says so.
  const actor = () => sync?.user()?.username ?? `workstation:${identity.code}`;
  const saved = (ticket: Ticket) => {
    bus.emit('tickets.changed', { ids: [ticket.id] });
    bus.emit('sync.status', currentSyncStatus(db, sync));
    sync?.wake();
    return ticket;
  };
  return {
    create: ({ fields, draftId }) => {
      const at = now().toISOString();
      const ticket = db.transaction(() => {
        const provisionalNo = formatProvisionalNumber(identity.code, nextInSequence(db, 'provisional_no'));
        const created = recordEvent(
          db,
          {
            id: newId(),
            ticketId: newId(),
            type: 'created',
            at,
            actor: actor(),
            origin: identity.code,
            payload: { provisionalNo, fields },
          },
          at,
        );
        if (draftId) discardDraft(db, draftId);
        return created;
      })();
      return saved(ticket);
    },
    update: ({ id, changes }) => {
      if (!getTicket(db, id)) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      const at = now().toISOString();
      const baseSeq = lastConfirmedSeq(db, id);
      return saved(recordEvent(db, { id: newId(), ticketId: id, type: 'updated', at, actor: actor(), origin: identity.code, payload: { changes, baseSeq } }, at));
    },
    addNote: ({ id, text }) => {
      if (!getTicket(db, id)) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      const at = now().toISOString();
      return saved(recordEvent(db, { id: newId(), ticketId: id, type: 'note', at, actor: actor(), origin: identity.code, payload: { text } }, at));
    },
    get: ({ id }) => {
      const ticket = getTicket(db, id);
      if (!ticket) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      return ticket;
    },
    rejections: () => openRejections(db),
    dismissRejection: ({ eventId }) => {
      const dismissed = dismissRejection(db, eventId, actor(), now().toISOString());
      if (dismissed) bus.emit('sync.status', currentSyncStatus(db, sync));
      return { dismissed };
    },
    recent: ({ limit }) => recentTickets(db, limit),
  };
};
