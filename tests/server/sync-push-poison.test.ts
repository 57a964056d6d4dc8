import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refusal } from '../../src/shared/domain/refusal';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import { insertEvents } from '../../src/server/events/event-rows';
import { seedDemoTickets, seedDemoUsers } from '../../src/server/seed/seed';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, freshDatabase, pushAs, startTestServer, type TestServer } from './test-server';

/**
 * One event's content never decides the fate of its batch: poison text, an absurd time or a unit
 * that does not exist is rejected with its reason, and every other event is stored.
 */
describe.each(engines)('sync push of poison on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const push = (events: unknown[], username?: string) => pushAs(server, events, username);
  const stored = async (ids: string[]) =>
    (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE id = ANY($1::uuid[])`, [ids]))[0]!.n;
  const withAt = (event: TicketEvent, msFromNow: number): TicketEvent => ({ ...event, at: new Date(Date.now() + msFromNow).toISOString() });

  it('answers a batch of 199 good events and one with a NUL in its description: 199 accepted, 1 rejected naming the field', async () => {
    const agent = eventsBy('agent1');
    const batch = Array.from({ length: 200 }, (_, i) => agent.created(i === 137 ? { description: '楼内停水\u0000一天' } : {}));
    const poisoned = batch[137]!;

    const { status, body } = await push(batch);
    expect(status).toBe(200);
    expect(body.results.filter((r) => r.status === 'accepted')).toHaveLength(199);
    expect(body.results[137]).toEqual({
      id: poisoned.id,
      status: 'rejected',
      refusal: {
        code: 'malformed',
        params: {
          path: 'payload.fields.description',
          detail:
            'payload.fields.description: contains a control character (U+0000) at position 5, which cannot be stored; ' +
            'delete it (it often comes with pasted text) and send again',
        },
      },
    });
    expect(await stored(batch.map((e) => e.id))).toBe(199);
    expect(await stored([poisoned.id])).toBe(0);
  });

  it('rejects lone surrogates, noncharacters and controls in any text of any event, and takes the rest', async () => {
    const agent = eventsBy('agent1');
    const base = agent.created();
    await push([base]);
    const poison: [string, TicketEvent, string][] = [
      ['payload.fields.callerName', agent.created({ callerName: '王\uD800' }), 'a lone surrogate (U+D800) at position 2'],
      ['payload.text', agent.next(base.ticketId, 'note', { text: '补充\uFFFE' }), 'a noncharacter (U+FFFE) at position 3'],
      ['payload.note', agent.next(base.ticketId, 'followed_up', { note: '再次来电\u0007' }), 'a control character (U+0007) at position 5'],
      ['payload.callId', agent.next(base.ticketId, 'followed_up', { callId: 'call\uDC00' }), 'a lone surrogate (U+DC00) at position 5'],
      [
        'origin',
        { ...agent.next(base.ticketId, 'note', { text: '好' }), origin: 'T3\u0000ST' },
        'a control character (U+0000) at position 3',
      ],
    ];
    const good = agent.next(base.ticketId, 'note', { text: '来电人补充：楼下也停水了\t（二楼）\r\n谢谢' });
    const deleteIt = 'delete it (it often comes with pasted text) and send again';
    const { status, body } = await push([...poison.map(([, e]) => e), good]);
    expect(status).toBe(200);
    poison.forEach(([path, event, problem], i) =>
      expect(body.results[i], path).toEqual({
        id: event.id,
        status: 'rejected',
        refusal: {
          code: 'malformed',
          params: { path, detail: `${path}: contains ${problem}, which cannot be stored; ${deleteIt}` },
        },
      }),
    );
    expect(body.results.at(-1)).toMatchObject({ status: 'accepted' });
    expect(await stored(poison.map(([, e]) => e.id))).toBe(0);
  });

  it('holds event times to the server clock: skew and offline days are fine, a reset or future clock is refused', async () => {
    const agent = eventsBy('agent1');
    const day = 24 * 3600_000;
    const fine = [withAt(agent.created(), -3 * day), withAt(agent.created(), -300 * day), withAt(agent.created(), 2 * 60_000)];
    const absurd = [
      { ...agent.created(), at: '1970-01-01T00:00:00.000Z' },
      { ...agent.created(), at: '2000-01-01T00:00:00.000Z' },
      withAt(agent.created(), 60 * 60_000),
      withAt(agent.created(), -400 * day),
    ];
    const { body } = await push([...fine, ...absurd]);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected', 'rejected']);
    const serverTime = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(body.results[3]).toMatchObject({ refusal: { code: 'time_too_old', params: { at: '1970-01-01T00:00:00.000Z', serverTime } } });
    expect(body.results[5]).toMatchObject({ refusal: { code: 'time_ahead', params: { at: absurd[2]!.at, serverTime, minutes: 60 } } });
    const outOfWindow = await push([
      { ...agent.created(), at: '9999-12-31T23:59:59.999Z' },
      { ...agent.created(), at: '0000-01-01T00:00:00.000Z' },
    ]);
    expect(outOfWindow.status).toBe(200);
    expect(outOfWindow.body.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const outsideWindow = expect.stringContaining('at: must be between 1970-01-01 and 2100-01-01');
    expect(outOfWindow.body.results[0]).toMatchObject({
      refusal: { code: 'malformed', params: { path: 'at', detail: outsideWindow } },
    });
  });

  it('refuses units, categories, districts and streets the reference data does not hold, naming them', async () => {
    const agent = eventsBy('agent1');
    const ticket = agent.created({ category: 'water.outage' });
    const cases: [TicketEvent, Refusal][] = [
      [
        agent.next(ticket.ticketId, 'dispatched', {
          unitCodes: ['street:110105017', 'street:000000000'],
          leadUnitCode: 'street:110105017',
        }),
        { code: 'unknown_unit', params: { code: 'street:000000000' } },
      ],
      [agent.created({ category: 'no.such.category' }), { code: 'unknown_category', params: { code: 'no.such.category' } }],
      [agent.created({ districtCode: '999999', streetCode: undefined }), { code: 'unknown_district', params: { code: '999999' } }],
      [
        agent.next(ticket.ticketId, 'updated', { changes: { streetCode: '110105999' } }),
        { code: 'unknown_street', params: { code: '110105999' } },
      ],
    ];
    const dispatched = agent.next(ticket.ticketId, 'dispatched', { unitCodes: ['street:110105017'], leadUnitCode: 'street:110105017' });
    const { body } = await push([ticket, ...cases.map(([e]) => e), dispatched]);
    expect(body.results[0]).toMatchObject({ status: 'accepted' });
    cases.forEach(([event, refusal], i) => expect(body.results[i + 1]).toEqual({ id: event.id, status: 'rejected', refusal }));
    expect(body.results.at(-1)).toMatchObject({ status: 'accepted' });
  });

  it('still serves an event stored before the plain-text rule (U+FFFE in a note): a pulled page never fails for it', async () => {
    const agent = eventsBy('agent1');
    const created = agent.created();
    await push([created]);
    // Stored as an older server took it, past today's checks.
    const note = agent.next(created.ticketId, 'note', { text: '补充\uFFFE' });
    const [counter] = await server.db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'event_seq'`);
    const seq = counter!.value + 1;
    await insertEvents(server.db, [{ seq, event: note, userId: null }]);
    await server.db.query(`UPDATE counters SET value = $1 WHERE name = 'event_seq'`, [seq]);
    const pulled = await server.app.inject({
      url: `/api/sync/pull?after=${seq - 1}&limit=1`,
      headers: bearer(await server.token('agent1')),
    });
    expect(pulled.statusCode).toBe(200);
    expect(pulled.json()).toMatchObject({ events: [{ seq, event: { id: note.id, payload: { text: '补充\uFFFE' } } }] });
  });

  it("keeps the server's own replays working: the demo seed's agents push history with its own times (some ahead of now)", async () => {
    const { db } = await freshDatabase(engine);
    try {
      const users = await seedDemoUsers(db);
      expect(await seedDemoTickets(db, users, { count: 150, days: 2, timeZone: 'Asia/Shanghai' })).toBe(150);
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`);
      expect(row!.n).toBe(150);
    } finally {
      await db.close();
    }
  });
});
