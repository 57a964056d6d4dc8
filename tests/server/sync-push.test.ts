import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/server/events/official-number';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, pushAs, startTestServer, type TestServer } from './test-server';

describe.each(engines)('sync push on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const push = (events: unknown[], username?: string) => pushAs(server, events, username);
  const count = async (sql: string, params: unknown[]) => (await server.db.query<{ n: number }>(sql, params))[0]!.n;

  it('stores a batch sent three times exactly once, and answers duplicates with the same sequence numbers', async () => {
    const agent = eventsBy('agent1');
    const created = agent.created();
    const batch = [created, agent.next(created.ticketId, 'note', { text: '来电人补充：楼下也停水了' }), agent.created()];

    const first = await push(batch);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const seqs = first.body.results.map((r) => (r as { seq: number }).seq);

    for (const _ of [1, 2]) {
      const again = await push(batch);
      expect(again.body.results).toEqual(batch.map((e, i) => ({ id: e.id, status: 'duplicate', seq: seqs[i] })));
    }
    const ids = batch.map((e) => e.id);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE id = ANY($1::uuid[])`, [ids])).toBe(3);
    // Each created ticket was numbered once, not once per delivery.
    const tickets = [batch[0]!.ticketId, batch[2]!.ticketId];
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE type = 'numbered' AND ticket_id = ANY($1::uuid[])`, [tickets])).toBe(2);
  });

  it('treats a repeat inside one batch as a duplicate', async () => {
    const created = eventsBy('agent1').created();
    const { body } = await push([created, created]);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(body.results[1]).toMatchObject({ seq: (body.results[0] as { seq: number }).seq });
  });

  it('refuses a second ticket with a provisional number already taken (two workstations with one code), in the batch or later', async () => {
    const first = eventsBy('agent1', 'DUP2').created();
    const clash = { ...eventsBy('agent1', 'DUP2').created(), payload: { ...first.payload } };
    const { status, body } = await push([first, clash]);
    expect(status).toBe(200);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    const { provisionalNo } = first.payload as { provisionalNo: string };
    expect(body.results[1]).toEqual({
      id: clash.id,
      status: 'rejected',
      refusal: { code: 'provisional_number_taken', params: { provisionalNo, origin: 'DUP2' } },
    });
    const later = { ...eventsBy('agent2', 'DUP2').created(), payload: { ...first.payload } };
    expect((await push([later], 'agent2')).body.results[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'provisional_number_taken', params: { provisionalNo, origin: 'DUP2' } },
    });
  });

  it('gives an official number of the day and keeps the provisional number as an alias', async () => {
    const created = eventsBy('agent2').created();
    await push([created], 'agent2');
    const response = await server.app.inject({ url: `/api/tickets/${created.ticketId}`, headers: bearer(await server.token('agent1')) });
    const { ticket, events } = response.json() as {
      ticket: { officialNo: string; provisionalNo: string };
      events: { seq: number; event: { type: string; actor: string } }[];
    };
    expect(ticket.provisionalNo).toBe((created.payload as { provisionalNo: string }).provisionalNo);
    expect(ticket.officialNo).toMatch(new RegExp(`^${localDate(new Date(), 'Asia/Shanghai')}\\d{5}$`));
    expect(events.map((e) => [e.event.type, e.event.actor])).toEqual([
      ['created', 'agent2'],
      ['numbered', 'server'],
    ]);
    const [byAlias] = await server.db.query<{ official_no: string }>(`SELECT official_no FROM tickets WHERE provisional_no = $1`, [
      ticket.provisionalNo,
    ]);
    expect(byAlias?.official_no).toBe(ticket.officialNo);
  });

  it("numbers a day's tickets consecutively, spending no number on a rejected one", async () => {
    const agent = eventsBy('agent1');
    const batch = [agent.created(), eventsBy('agent2').created(), agent.created(), agent.created()];
    const { body } = await push(batch);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
    const rows = await server.db.query<{ official_no: string }>(
      `SELECT official_no FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY official_no`,
      [batch.map((e) => e.ticketId)],
    );
    const numbers = rows.map((r) => Number(r.official_no.slice(8)));
    expect(numbers).toHaveLength(3);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);
    const next = (await push([agent.created()])).body.results[0] as { seq: number };
    const [latest] = await server.db.query<{ official_no: string }>(`SELECT official_no FROM tickets ORDER BY last_seq DESC LIMIT 1`);
    expect(Number(latest!.official_no.slice(8))).toBe(numbers[2]! + 1);
    expect(next.seq).toBe(body.head + 1);
  });

  it('rejects what it must with a refusal for the agent, and still accepts the good events around them', async () => {
    const agent = eventsBy('agent1');
    const created = agent.created();
    await push([created]);
    const closed = agent.next(created.ticketId, 'closed', { resolution: 'withdrawn' });
    const closedAgain = agent.next(created.ticketId, 'closed', { resolution: 'withdrawn' });
    const impostor = eventsBy('agent2').created();
    const numbering = agent.next(created.ticketId, 'numbered', { officialNo: '2026112999999' });
    const orphan = agent.next(
      created.ticketId.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
      'note',
      { text: '无主' },
    );
    const malformed = { ...agent.created(), payload: { provisionalNo: 'T3ST-000001', fields: { description: '' } } };
    const good = agent.created();

    const { status, body } = await push([closed, closedAgain, impostor, numbering, orphan, malformed, good]);
    expect(status).toBe(200);
    const byId = new Map(body.results.map((r) => [r.id, r]));
    expect(byId.get(closed.id)).toMatchObject({ status: 'accepted' });
    const refusalOf = (id: string) => {
      const result = byId.get(id);
      return result?.status === 'rejected' ? result.refusal : result;
    };
    expect(refusalOf(closedAgain.id)).toEqual({ code: 'invalid_transition', params: { eventType: 'closed', status: 'closed' } });
    expect(refusalOf(impostor.id)).toEqual({ code: 'actor_mismatch', params: { actor: 'agent2', user: 'agent1' } });
    expect(refusalOf(numbering.id)).toEqual({ code: 'server_only', params: { eventType: 'numbered' } });
    expect(refusalOf(orphan.id)).toEqual({ code: 'unknown_ticket', params: { ticketId: orphan.ticketId } });
    expect(refusalOf(malformed.id)).toEqual({
      code: 'malformed',
      params: { path: 'payload.fields.requestType', detail: expect.stringContaining('payload.fields.description') },
    });
    expect(byId.get(good.id)).toMatchObject({ status: 'accepted' });
    const refusedIds = [closedAgain, impostor, numbering, orphan, malformed].map((e) => e.id);
    expect(await count(`SELECT count(*)::int AS n FROM events WHERE id = ANY($1::uuid[])`, [refusedIds])).toBe(0);
  });

  it('refuses malformed requests as a whole with field-level errors and changes nothing', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM events`, []);
    const token = await server.token('agent1');
    const cases: [unknown, number][] = [
      [{}, 400],
      [{ events: [] }, 400],
      [{ events: Array.from({ length: 201 }, () => ({})) }, 400],
      [{ events: [eventsBy('agent1').created()], extra: true }, 400],
      ['not json at all', 400],
    ];
    for (const [payload, expected] of cases) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(expected);
      expect(response.json()).toMatchObject({ error: { code: expect.stringMatching(/^invalid_/) } });
    }
    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ events: [{ description: 'x'.repeat(1_100_000) }] }),
    });
    expect(huge.statusCode).toBe(413);
    const unknownField = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: { events: [{}], sneaky: 1 },
    });
    expect(unknownField.json()).toMatchObject({
      error: { code: 'invalid_input', issues: [expect.objectContaining({ message: expect.any(String) })] },
    });
    expect(await count(`SELECT count(*)::int AS n FROM events`, [])).toBe(before);
  });
});
