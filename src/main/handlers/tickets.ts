import { newId } from '../../shared/domain/ids';
import { formatProvisionalNumber } from '../../shared/domain/provisional-number';
import { phoneKey } from '../../shared/domain/phone';
import type { Ticket } from '../../shared/domain/ticket';
import { AppError } from '../../shared/result';
import { discardDraft } from '../store/drafts-store';
import {
  dismissRejection,
  getTicket,
  lastConfirmedSeq,
  nextInSequence,
  openRejectedEvent,
  openRejections,
  recentTickets,
  recordEvent,
  summariesOf,
} from '../store/ticket-store';
import { similarOpenTickets } from '../store/caller-store';
import { classifierStore } from '../store/classifier-store';
import { linkCallToTicket } from '../store/calls-store';
import { searchTicketIds } from '../store/search-index';
import { currentSyncStatus } from './sync';
import { checkedEvent, lifecycleHandlers } from './ticket-lifecycle';
import { linkHandlers } from './ticket-links';

/** Likely duplicates are looked for among tickets of the last 24 hours: a repeat report of one problem comes within a day. */
const duplicateWindowMs = 24 * 3600_000;
import type { CoreDeps, DomainHandlers } from './types';

export const ticketsHandlers = (deps: CoreDeps): DomainHandlers<'tickets'> => {
  const { db, bus, identity, now, sync, signin } = deps;
  const classifier = classifierStore(db);
  // The signed-in agent (the server checks it). The dispatcher lets no write through without one;
  // this refuses too, so no path can record an event in nobody's name.
  const actor = () => {
    const user = signin.user();
    if (!user) throw new AppError('signed_out', 'Nobody is signed in on this workstation: sign in first.');
    return user.username;
  };
  const saved = (ticket: Ticket) => {
    bus.emit('tickets.changed', { ids: [ticket.id] });
    bus.emit('sync.status', currentSyncStatus(db, sync));
    sync?.wake();
    return ticket;
  };
  return {
    ...lifecycleHandlers(deps, actor, saved),
    ...linkHandlers(deps),
    create: ({ fields, draftId, duplicateOf, callId, answeredWith }) => {
      const at = now().toISOString();
      if (duplicateOf && !getTicket(db, duplicateOf))
        throw new AppError('not_found', `No ticket with id ${duplicateOf} to link as the original.`);
      const ticket = db.transaction(() => {
        const provisionalNo = formatProvisionalNumber(identity.code, nextInSequence(db, 'provisional_no'));
        const base = { ticketId: newId(), at, actor: actor(), origin: identity.code };
        let created = recordEvent(db, { ...base, id: newId(), type: 'created', payload: { provisionalNo, fields } }, at);
        if (duplicateOf) created = recordEvent(db, { ...base, id: newId(), type: 'linked_duplicate', payload: { duplicateOf } }, at);
        if (answeredWith)
          created = recordEvent(
            db,
            { ...base, id: newId(), type: 'closed', payload: { resolution: 'direct_answer', articleCode: answeredWith } },
            at,
          );
        if (callId) linkCallToTicket(db, callId, created.id);
        if (draftId) discardDraft(db, draftId, at);
        return created;
      })();
      sync?.presence.wrappedUp(); // the call's ticket is in: ready for the next call
      return saved(ticket);
    },
    followUp: ({ id, callId, callerPhone, note, draftId }) => {
      if (!getTicket(db, id)) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      const at = now().toISOString();
      const ticket = db.transaction(() => {
        const payload = { ...(callId ? { callId } : {}), ...(callerPhone ? { callerPhone } : {}), ...(note ? { note } : {}) };
        const followed = recordEvent(
          db,
          { id: newId(), ticketId: id, type: 'followed_up', at, actor: actor(), origin: identity.code, payload },
          at,
        );
        if (callId) linkCallToTicket(db, callId, id);
        if (draftId) discardDraft(db, draftId, at);
        return followed;
      })();
      sync?.presence.wrappedUp();
      return saved(ticket);
    },
    suggestCategories: ({ text }) => classifier.suggest(text),
    search: ({ query, limit }) => summariesOf(db, searchTicketIds(db, query, limit)),
    similar: ({ category, streetCode, description, callerPhone, limit }) =>
      similarOpenTickets(
        db,
        {
          category,
          streetCode,
          description,
          since: new Date(now().getTime() - duplicateWindowMs).toISOString(),
          phoneKey: phoneKey(callerPhone),
        },
        limit,
      ),
    update: ({ id, changes }) => {
      if (!getTicket(db, id)) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      const at = now().toISOString();
      const baseSeq = lastConfirmedSeq(db, id);
      return saved(
        recordEvent(
          db,
          { id: newId(), ticketId: id, type: 'updated', at, actor: actor(), origin: identity.code, payload: { changes, baseSeq } },
          at,
        ),
      );
    },
    addNote: ({ id, text }) => {
      if (!getTicket(db, id)) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      const at = now().toISOString();
      return saved(
        recordEvent(db, { id: newId(), ticketId: id, type: 'note', at, actor: actor(), origin: identity.code, payload: { text } }, at),
      );
    },
    get: ({ id }) => {
      const ticket = getTicket(db, id);
      if (!ticket) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
      return ticket;
    },
    rejections: () => openRejections(db),
    retryRejected: ({ eventId }) => {
      const refused = openRejectedEvent(db, eventId);
      if (!refused) throw new AppError('not_found', 'No open refused change with that id: it was dismissed or retried already.');
      const at = now().toISOString();
      // The same change, made now by whoever is signed in; an edit is based on what this cache
      // has seen of the ticket, so the server checks it against later edits again.
      const payload =
        refused.type === 'updated' ? { ...refused.payload, baseSeq: lastConfirmedSeq(db, refused.ticketId) } : refused.payload;
      const ticket = db.transaction(() => {
        const again = recordEvent(db, checkedEvent({ ...refused, id: newId(), at, actor: actor(), origin: identity.code, payload }), at);
        dismissRejection(db, eventId, actor(), at);
        return again;
      })();
      return saved(ticket);
    },
    dismissRejection: ({ eventId }) => {
      const dismissed = dismissRejection(db, eventId, actor(), now().toISOString());
      if (dismissed) bus.emit('sync.status', currentSyncStatus(db, sync));
      return { dismissed };
    },
    recent: ({ limit }) => recentTickets(db, limit),
  };
};
