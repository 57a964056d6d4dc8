import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, TicketEvent } from '../../src/shared/domain/ticket';
import type { MonitorSnapshot } from '../../src/shared/server-api/monitor';
import type { PushResult } from '../../src/shared/server-api/sync';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

const unit = 'street:110105017';
const day = 24 * 3600_000;

describe.each(engines)('a lead urges a unit (督办) on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const agent = eventsBy('agent1');
  const lead = eventsBy('lead1', 'LD01');
  const ago = (event: TicketEvent, ms: number): TicketEvent => ({ ...event, at: new Date(Date.now() - ms).toISOString() });
  const push = async (username: string, events: TicketEvent[]) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token(username)),
      payload: { events },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { results: PushResult[] }).results;
  };
  /** A ticket with 劲松街道, dispatched `dispatchedAgo` ms before now. */
  async function dispatched(dispatchedAgo: number) {
    const created = ago(agent.created({ description: '路灯不亮', urgency: 'normal' }), dispatchedAgo + 60_000);
    const dispatch = ago(agent.next(created.ticketId, 'dispatched', { unitCodes: [unit], leadUnitCode: unit }), dispatchedAgo);
    expect((await push('agent1', [created, dispatch])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    return created.ticketId;
  }
  const urge = (ticketId: string, reason = '已超期，请今天内反馈') => lead.next(ticketId, 'urged', { unitCode: unit, reason });
  const unitTickets = async () =>
    (await server.app.inject({ url: '/api/units/tickets', headers: bearer(await server.token('unit.jinsong')) })).json<{
      tickets: Ticket[];
    }>().tickets;

  it('stores an urge on an overdue order once, and the unit sees the count and the last urge', async () => {
    const id = await dispatched(30 * day);
    const first = urge(id);
    const [accepted] = await push('lead1', [first]);
    expect(accepted).toMatchObject({ status: 'accepted' });
    // The same urge sent again (a lost answer) is stored once.
    expect(await push('lead1', [first])).toEqual([{ id: first.id, status: 'duplicate', seq: (accepted as { seq: number }).seq }]);
    const second = urge(id, '第二次督办：请立即处理');
    expect((await push('lead1', [second]))[0]).toMatchObject({ status: 'accepted' });

    const seen = (await unitTickets()).find((t) => t.id === id);
    expect(seen).toMatchObject({
      urgedCount: 2,
      lastUrge: { at: second.at, actor: 'lead1', unitCode: unit, reason: '第二次督办：请立即处理' },
    });
    const stored = await server.db.query<{ type: string }>(`SELECT type FROM events WHERE ticket_id = $1 AND type = 'urged'`, [id]);
    expect(stored).toHaveLength(2);

    const snapshot = (
      await server.app.inject({ url: '/api/monitor/snapshot', headers: bearer(await server.token('lead1')) })
    ).json<MonitorSnapshot>();
    expect(snapshot.tickets.find((t) => t.id === id)?.urgedCount).toBe(2);
  });

  it('refuses an order on time, naming when the feedback is due, and stores nothing', async () => {
    const id = await dispatched(60_000);
    const [result] = await push('lead1', [urge(id)]);
    expect(result).toMatchObject({ status: 'rejected', refusal: { code: 'urge_on_time' } });
    const dueAt = (result as { refusal: { params: { dueAt: string } } }).refusal.params.dueAt;
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now());
    expect((await unitTickets()).find((t) => t.id === id)).toMatchObject({ urgedCount: 0, lastUrge: null });
  });

  it('refuses a closed order, a unit the order is not with, and an urge from an agent', async () => {
    const created = ago(agent.created({ description: '咨询已答复' }), 30 * day);
    await push('agent1', [created, ago(agent.next(created.ticketId, 'closed', { resolution: 'withdrawn' }), 29 * day)]);
    expect((await push('lead1', [urge(created.ticketId)]))[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'invalid_transition', params: { eventType: 'urged', status: 'closed' } },
    });

    const id = await dispatched(30 * day);
    const elsewhere = lead.next(id, 'urged', { unitCode: 'company:heating', reason: '请处理' });
    expect((await push('lead1', [elsewhere]))[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'unit_not_dispatched', params: { unitCode: 'company:heating' } },
    });
    const byAgent = eventsBy('agent1').next(id, 'urged', { unitCode: unit, reason: '请处理' });
    expect((await push('agent1', [byAgent]))[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'lead_event', params: { eventType: 'urged', role: 'agent' } },
    });
    expect((await unitTickets()).find((t) => t.id === id)).toMatchObject({ urgedCount: 0 });
  });

  it('refuses a reassignment without a reason, and keeps one with it', async () => {
    const id = await dispatched(60_000);
    const bare = lead.next(id, 'dispatched', { unitCodes: ['company:heating'], leadUnitCode: 'company:heating', reassign: true });
    expect((await push('lead1', [bare]))[0]).toMatchObject({
      status: 'rejected',
      refusal: { code: 'malformed', params: { path: 'payload.reason' } },
    });
    const moved = lead.next(id, 'dispatched', {
      unitCodes: ['company:heating'],
      leadUnitCode: 'company:heating',
      reassign: true,
      reason: '属供热问题',
    });
    expect((await push('lead1', [moved]))[0]).toMatchObject({ status: 'accepted' });
    const [row] = await server.db.query<{ payload: { reason: string } }>(`SELECT payload FROM events WHERE id = $1`, [moved.id]);
    expect(row!.payload.reason).toBe('属供热问题');
  });
});
