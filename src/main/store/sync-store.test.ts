import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsBy } from '../../../tests/support/event-builder';
import { tempDir } from '../../../tests/support/temp-dir';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { SequencedEvent } from '../../shared/server-api/sync';
import { newCacheKey } from './cache-key';
import { type Db, openDatabase } from './database';
import { searchTicketIds } from './search-index';
import { applyPushResults, storeConfirmedEvents, ticketsMissingHistory } from './sync-store';
import { outboxSize, recordEvent, refoldTicket } from './ticket-store';

const key = newCacheKey();
const openCache = (name: string): Db => openDatabase(path.join(tempDir(), `${name}.sqlite3`), key);
const store = (db: Db, events: SequencedEvent[]) => db.transaction(() => storeConfirmedEvents(db, events))();

/** Everything a stored ticket consists of, as the UI and the next refold will read it. */
const stored = (db: Db) => ({
  tickets: db.prepare(`SELECT * FROM tickets ORDER BY id`).all(),
  events: db
    .prepare(`SELECT id, ticket_id, type, at, actor, origin, payload, server_seq, status FROM ticket_events ORDER BY server_seq`)
    .all(),
  search: ['停水', '水', '劲松', '13912345678'].map((q) => searchTicketIds(db, q, 10)),
});

function history(): SequencedEvent[] {
  const agent = eventsBy('agent2', 'K7Q2');
  const created = agent.created();
  const server = eventsBy('server', 'server');
  const numbered = server.next(created.ticketId, 'numbered', { officialNo: '2026112900001' });
  const dispatched = agent.next(created.ticketId, 'dispatched', { unitCodes: ['street:110105017'], leadUnitCode: 'street:110105017' });
  return [created, numbered, dispatched].map((event, i) => ({ seq: 10 + i, event }));
}

describe('storing confirmed events', () => {
  // A ticket first seen whole is stored without reading back what was just written (bootstrap pages).
  it('stores a new ticket whole exactly as it stores the same events one page at a time', () => {
    const events = history();
    const whole = openCache('whole');
    const paged = openCache('paged');
    expect(store(whole, events)).toEqual([events[0]!.event.ticketId]);
    for (const event of events) store(paged, [event]);
    expect(stored(whole)).toEqual(stored(paged));
    expect(stored(whole).search.every((ids) => ids.length === 1)).toBe(true);
    expect(stored(whole).tickets).toMatchObject([{ status: 'dispatched', official_no: '2026112900001', pending_events: 0 }]);
  });

  it('folds a page in server order whatever order its events arrive in', () => {
    const events = history();
    const shuffled = openCache('shuffled');
    const ordered = openCache('ordered');
    store(shuffled, [events[2]!, events[0]!, events[1]!]);
    store(ordered, events);
    expect(stored(shuffled)).toEqual(stored(ordered));
  });

  it('keeps events of a ticket it never had whole, for the history fetch to complete', () => {
    const events = history();
    const db = openCache('partial');
    store(db, [events[2]!]);
    expect(db.prepare(`SELECT count(*) AS n FROM tickets`).get()).toEqual({ n: 0 });
    expect(ticketsMissingHistory(db, [events[0]!.event.ticketId])).toEqual([events[0]!.event.ticketId]);
    store(db, events);
    expect(stored(db).tickets).toMatchObject([{ status: 'dispatched' }]);
    expect(stored(db).events).toHaveLength(3);
  });

  it("confirms this workstation's own pending events and takes them out of the outbox", () => {
    const events = history();
    const db = openCache('own');
    recordEvent(db, events[0]!.event as TicketEvent, new Date().toISOString());
    expect(outboxSize(db)).toBe(1);
    store(db, events);
    expect(outboxSize(db)).toBe(0);
    expect(stored(db).events.map((e) => (e as { status: string }).status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(stored(db).tickets).toMatchObject([{ status: 'dispatched', pending_events: 0 }]);
  });
});

describe('answers to a push', () => {
  const now = () => new Date().toISOString();
  /** The projection as a full refold from the events makes it: what an answer must leave behind. */
  const refolded = (db: Db, ticketId: string) => {
    const before = stored(db);
    refoldTicket(db, ticketId);
    return { before, after: stored(db) };
  };
  /** A ticket made here and a note on it, both waiting in the outbox. */
  const createdAndNoted = (db: Db, text: string) => {
    const agent = eventsBy('agent2', 'K7Q2');
    const created = agent.created();
    const noted = agent.next(created.ticketId, 'note', { text });
    recordEvent(db, created, now());
    recordEvent(db, noted, now());
    return { created, noted };
  };

  it('confirms our own events in the order made without changing the ticket', () => {
    const db = openCache('answers');
    const { created, noted } = createdAndNoted(db, '市民再次来电催促');
    expect(stored(db).tickets).toMatchObject([{ pending_events: 2 }]);
    expect(
      applyPushResults(db, [
        { id: created.id, status: 'accepted', seq: 7 },
        { id: noted.id, status: 'accepted', seq: 8 },
      ]),
    ).toEqual([created.ticketId]);
    expect(outboxSize(db)).toBe(0);
    expect(stored(db).tickets).toMatchObject([{ pending_events: 0 }]);
    const { before, after } = refolded(db, created.ticketId);
    expect(before).toEqual(after);
  });

  // Another workstation's event stored between ours: confirming ours reorders the fold.
  it('refolds a ticket whose order the confirmation changes', () => {
    const db = openCache('reorder');
    const agent = eventsBy('agent2', 'K7Q2');
    const created = agent.created();
    recordEvent(db, created, now());
    const colleague = eventsBy('agent3', 'M4X9');
    const noted = colleague.next(created.ticketId, 'note', { text: '另一座席补充的情况' });
    store(db, [{ seq: 5, event: noted }]);
    applyPushResults(db, [{ id: created.id, status: 'accepted', seq: 4 }]);
    const { before, after } = refolded(db, created.ticketId);
    expect(before).toEqual(after);
    expect(JSON.parse((after.tickets[0] as { state: string }).state).notes).toHaveLength(1);
  });

  it('refolds a ticket whose event the server refused', () => {
    const db = openCache('refused');
    const { created, noted } = createdAndNoted(db, '补充说明');
    applyPushResults(db, [
      { id: created.id, status: 'accepted', seq: 7 },
      { id: noted.id, status: 'rejected', refusal: { code: 'actor_mismatch', params: { actor: 'agent2', user: 'agent3' } } },
    ]);
    const { before, after } = refolded(db, created.ticketId);
    expect(before).toEqual(after);
    expect(JSON.parse((after.tickets[0] as { state: string }).state).notes).toHaveLength(0);
  });
});
