import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '../../src/shared/domain/ticket';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, pushAs, startTestServer, type TestServer } from './test-server';

/** A unit's `GET /api/units/tickets`: the most urgent first, then the newest, paged by an opaque cursor. */
describe.each(engines)("a unit's ticket list on %s", (engine) => {
  let server: TestServer;
  const unit = 'company:heating';
  const agent = eventsBy('agent1');
  const minutes = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  /** A ticket dispatched to the unit `ago` minutes ago (so its feedback deadline is that much nearer). */
  async function dispatched(ago: number): Promise<string> {
    const created = { ...agent.created({ description: '暖气不热' }), at: minutes(ago + 1) };
    const dispatch: TicketEvent = {
      ...agent.next(created.ticketId, 'dispatched', { unitCodes: [unit], leadUnitCode: unit }),
      at: minutes(ago),
    };
    const { body } = await pushAs(server, [created, dispatch]);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    return created.ticketId;
  }
  const list = async (query: string) => {
    const response = await server.app.inject({ url: `/api/units/tickets?${query}`, headers: bearer(await server.token('unit.heating')) });
    return { status: response.statusCode, body: response.json() as { tickets: Ticket[]; nextCursor: string | null } };
  };
  async function allPages(query: string, between: () => Promise<unknown> = async () => {}) {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(status).toBe(200);
      seen.push(...body.tickets.map((t) => t.id));
      cursor = body.nextCursor;
      pages++;
      await between();
    } while (cursor);
    return { seen, pages };
  }
  /** The order the list promises, worked out from the table itself. */
  const expectedOrder = async (status?: string) =>
    (
      await server.db.query<{ id: string }>(
        `SELECT id FROM tickets WHERE $1 = ANY (unit_codes) AND ($2::text IS NULL OR status = $2)
         ORDER BY due_at ASC NULLS LAST, created_at DESC, id DESC`,
        [unit, status ?? null],
      )
    ).map((r) => r.id);

  beforeAll(async () => {
    server = await startTestServer(engine);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await dispatched(((i * 37) % 23) * 10 + 5));
    // Three reported back: no clock runs for them, so they come after every open one.
    for (const id of ids.slice(0, 3)) {
      const headers = bearer(await server.token('unit.heating'));
      expect((await server.app.inject({ method: 'POST', url: `/api/units/tickets/${id}/accept`, headers, payload: {} })).statusCode).toBe(
        200,
      );
      const feedback = await server.app.inject({
        method: 'POST',
        url: `/api/units/tickets/${id}/feedback`,
        headers,
        payload: { summary: '已恢复供暖' },
      });
      expect(feedback.statusCode).toBe(200);
    }
  });
  afterAll(() => server.close());

  it('lists the nearest deadline first and the reported-back after, the same across pages of any size', async () => {
    const order = await expectedOrder();
    expect(order).toHaveLength(23);
    const whole = await list('limit=500');
    expect(whole.body.tickets.map((t) => t.id)).toEqual(order);
    expect(whole.body.tickets.slice(-3).every((t) => t.status === 'feedback')).toBe(true);
    expect(whole.body.nextCursor).toBeNull();
    const { seen, pages } = await allPages('limit=4');
    expect(pages).toBe(6);
    expect(seen).toEqual(order);
  });

  it('pages by status', async () => {
    const { seen, pages } = await allPages('status=dispatched&limit=5');
    expect(pages).toBe(4);
    expect(seen).toEqual(await expectedOrder('dispatched'));
  });

  it('lists every ticket once while new ones are dispatched between pages', async () => {
    const before = await expectedOrder();
    let round = 0;
    // New tickets land before and after the cursor: the nearest deadlines and the farthest.
    const { seen } = await allPages('limit=5', () => dispatched(round++ % 2 === 0 ? 600 : 0));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  });

  it('refuses a cursor it did not give out and a limit past its maximum, with a 400', async () => {
    for (const query of ['cursor=abc', `cursor=${btoa('[1,2]')}`, `cursor=${btoa('["2026-01-01","x","y"]')}`, 'limit=501', 'limit=0']) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ error: { code: 'invalid_input' } });
    }
  });
});
