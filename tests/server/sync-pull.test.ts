import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('sync pull on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const pull = async (username: string, after: number, limit: number) => {
    const response = await server.app.inject({
      url: `/api/sync/pull?after=${after}&limit=${limit}`,
      headers: bearer(await server.token(username)),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { events: SequencedEvent[]; cursor: number; hasMore: boolean };
  };
  const push = async (username: string, events: unknown[]) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token(username)),
      payload: { events },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { results: { status: string; seq?: number }[]; head: number };
  };

  it('pages with no gap and no repeat while other clients push', async () => {
    const { n: start } = (await server.db.query<{ n: number }>(`SELECT value AS n FROM counters WHERE name = 'event_seq'`))[0]!;
    const pushers = ['agent1', 'agent2', 'agent3', 'lead1'];
    for (const p of pushers) await server.token(p);

    let pushing = true;
    const accepted: number[] = [];
    const pushAll = Promise.all(
      pushers.map(async (username) => {
        const maker = eventsBy(username);
        for (let round = 0; round < 12; round++) {
          const batch = Array.from({ length: 5 }, () => maker.created());
          const { results } = await push(username, batch);
          for (const r of results) if (r.status === 'accepted') accepted.push(r.seq!);
        }
      }),
    ).finally(() => (pushing = false));

    const seen: number[] = [];
    let cursor = start!;
    // Keep pulling small pages while the pushers run, then drain. Bounded: a stuck cursor fails the test.
    for (let pages = 0; ; pages++) {
      if (pages > 5000) throw new Error(`pull did not reach the head: cursor ${cursor}, ${seen.length} events seen`);
      // A real client waits on the network between pages; without this the microtask-only loop
      // on PGlite would starve the pushers' request bodies.
      await setImmediate();
      const page = await pull('agent3', cursor, 7);
      for (const e of page.events) seen.push(e.seq);
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!pushing && !page.hasMore) {
        const { n: head } = (await server.db.query<{ n: number }>(`SELECT value AS n FROM counters WHERE name = 'event_seq'`))[0]!;
        if (cursor === head) break;
      }
    }
    await pushAll;

    const created = pushers.length * 12 * 5;
    expect(accepted).toHaveLength(created);
    // Every created event plus its numbering event: 2 per ticket, numbered start+1, start+2, …
    expect(seen).toEqual(Array.from({ length: created * 2 }, (_, i) => start! + 1 + i));
  });

  it('shows a unit only the tickets dispatched to it, with their whole history', async () => {
    const agent = eventsBy('agent1');
    const ours = agent.created({ districtCode: '110105', streetCode: '110105017' });
    const theirs = agent.created({ districtCode: '110101', streetCode: '110101001' });
    const { n: before } = (await server.db.query<{ n: number }>(`SELECT value AS n FROM counters WHERE name = 'event_seq'`))[0]!;
    await push('agent1', [ours, theirs]);
    await push('agent1', [agent.next(ours.ticketId, 'note', { text: '已联系物业' })]);
    await push('agent1', [
      agent.next(ours.ticketId, 'dispatched', { unitCodes: ['street:110105017'], leadUnitCode: 'street:110105017' }),
      agent.next(theirs.ticketId, 'dispatched', { unitCodes: ['street:110101001'], leadUnitCode: 'street:110101001' }),
    ]);

    // From the cursor the unit had before: it gets its ticket whole, including what came earlier.
    const page = await pull('unit.jinsong', before!, 100);
    expect(new Set(page.events.map((e) => e.event.ticketId))).toEqual(new Set([ours.ticketId]));
    expect(page.events.map((e) => e.event.type)).toEqual(['created', 'numbered', 'note', 'dispatched']);
    const afterDispatch = await pull('unit.jinsong', page.events[2]!.seq, 100);
    expect(afterDispatch.events.map((e) => e.event.type)).toEqual(['created', 'numbered', 'note', 'dispatched']);

    const token = await server.token('unit.jinsong');
    const list = await server.app.inject({ url: '/api/tickets?limit=200', headers: bearer(token) });
    const listed = (list.json() as { tickets: { id: string; unitCodes: string[] }[] }).tickets;
    expect(listed.map((t) => t.id)).toContain(ours.ticketId);
    expect(listed.every((t) => t.unitCodes.includes('street:110105017'))).toBe(true);
    expect((await server.app.inject({ url: `/api/tickets/${theirs.ticketId}`, headers: bearer(token) })).statusCode).toBe(404);
    expect((await server.app.inject({ url: `/api/tickets/${ours.ticketId}`, headers: bearer(token) })).statusCode).toBe(200);
    // The agent who made both sees both.
    expect(
      (await server.app.inject({ url: `/api/tickets/${theirs.ticketId}`, headers: bearer(await server.token('agent1')) })).statusCode,
    ).toBe(200);
  });

  it('refuses bad cursors and limits with field errors', async () => {
    const token = await server.token('agent1');
    for (const query of ['after=-1', 'after=abc', 'limit=0', 'limit=5000', 'after=1&sneaky=1']) {
      const response = await server.app.inject({ url: `/api/sync/pull?${query}`, headers: bearer(token) });
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'invalid_input', issues: [expect.anything()] } });
    }
  });
});
