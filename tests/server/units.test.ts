import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/shared/domain/ticket';
import { startUnitSimulator } from '../../src/server/units/unit-simulator';
import { eventsBy } from '../support/event-builder';
import { until } from '../support/until';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('handling units on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const agent = eventsBy('agent1');
  /** A ticket dispatched to 劲松街道 (unit.jinsong's unit). */
  async function dispatchedTicket(unit = 'street:110105017') {
    const created = agent.created({ description: '路灯不亮' });
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [created, agent.next(created.ticketId, 'dispatched', { unitCodes: [unit], leadUnitCode: unit })] },
    });
    expect((pushed.json() as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    return created.ticketId;
  }
  const act = async (username: string, id: string, action: string, body: unknown = {}) =>
    server.app.inject({
      method: 'POST',
      url: `/api/units/tickets/${id}/${action}`,
      headers: bearer(await server.token(username)),
      payload: body as object,
    });

  const status = async (ticketId: string) =>
    (await server.db.query<{ status: string }>(`SELECT status FROM tickets WHERE id = $1`, [ticketId]))[0]!.status;
  const simulatorOptions = { acceptAfterMs: 0, feedbackAfterMs: 0, tickMs: 100, timeZone: 'Asia/Shanghai', log: console };

  it('accepts, reports progress and feeds back through its routes, each step an event', async () => {
    const id = await dispatchedTicket();
    const list = await server.app.inject({
      url: '/api/units/tickets?status=dispatched',
      headers: bearer(await server.token('unit.jinsong')),
    });
    expect((list.json() as { tickets: Ticket[] }).tickets.map((t) => t.id)).toContain(id);
    expect((await act('unit.jinsong', id, 'accept')).json()).toMatchObject({ ticket: { status: 'accepted' } });
    expect((await act('unit.jinsong', id, 'progress', { note: '已联系供电所' })).json()).toMatchObject({
      ticket: { status: 'in_progress' },
    });
    expect((await act('unit.jinsong', id, 'extension', { hours: 24, reason: '需要更换灯杆' })).json()).toMatchObject({
      ticket: { extensionRequest: { hours: 24 } },
    });
    const done = (await act('unit.jinsong', id, 'feedback', { summary: '已更换灯杆，恢复照明' })).json() as { ticket: Ticket };
    expect(done.ticket).toMatchObject({ status: 'feedback', feedback: { unitCode: 'street:110105017', summary: '已更换灯杆，恢复照明' } });
    const events = await server.db.query<{ type: string; actor: string }>(
      `SELECT type, actor FROM events WHERE ticket_id = $1 ORDER BY seq`,
      [id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'created',
      'dispatched',
      'numbered',
      'unit_accepted',
      'unit_progress',
      'extension_requested',
      'unit_feedback',
    ]);
    expect(events.filter((e) => e.type.startsWith('unit_')).every((e) => e.actor === 'unit.jinsong')).toBe(true);
  });

  it('returns a ticket with a reason, after which it can no longer act on it', async () => {
    const id = await dispatchedTicket();
    expect((await act('unit.jinsong', id, 'return', { reason: '该路段归属双井街道' })).json()).toMatchObject({
      ticket: { status: 'returned', returnReason: '该路段归属双井街道' },
    });
    const again = await act('unit.jinsong', id, 'accept');
    expect(again.statusCode).toBe(404);
  });

  it('refuses other units, other roles, wrong steps and bad bodies, changing nothing', async () => {
    const id = await dispatchedTicket();
    const before = await server.db.query(`SELECT count(*)::int AS n FROM events`);
    expect((await act('unit.heating', id, 'accept')).statusCode).toBe(404); // not theirs: not visible either
    expect((await act('agent1', id, 'accept')).statusCode).toBe(403);
    const early = await act('unit.jinsong', id, 'feedback', { summary: '好了' });
    expect(early.statusCode).toBe(409);
    expect((early.json() as { error: unknown }).error).toMatchObject({
      code: 'conflict',
      refusal: { code: 'invalid_transition', params: { eventType: 'unit_feedback', status: 'dispatched' } },
    });
    for (const [action, body] of [
      ['progress', {}],
      ['feedback', { summary: '' }],
      ['extension', { hours: 0, reason: 'x' }],
      ['return', { reason: 'x', extra: 1 }],
    ] as const) {
      expect((await act('unit.jinsong', id, action, body)).statusCode, action).toBe(400);
    }
    // Units cannot push hotline events, and agents cannot push unit events.
    const unitPush = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('unit.jinsong')),
      payload: { events: [eventsBy('unit.jinsong').next(id, 'note', { text: 'x' })] },
    });
    expect(unitPush.statusCode).toBe(403);
    const agentPush = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [agent.next(id, 'unit_accepted', { unitCode: 'street:110105017' })] },
    });
    const [agentResult] = (agentPush.json() as { results: { refusal: unknown }[] }).results;
    expect(agentResult!.refusal).toEqual({ code: 'unit_event', params: { eventType: 'unit_accepted', role: 'agent' } });
    expect(await server.db.query(`SELECT count(*)::int AS n FROM events`)).toEqual(before);
  });

  it('simulated units accept and then report back on tickets dispatched while they run, and leave older work in hand alone', async () => {
    const older = await dispatchedTicket('company:heating');
    const stop = startUnitSimulator(server.db, simulatorOptions);
    let id = '';
    try {
      id = await dispatchedTicket('company:heating');
      await until('reported back', async () => (await status(id)) === 'feedback');
    } finally {
      await stop();
    }
    expect(await status(older)).toBe('dispatched');
    const events = await server.db.query<{ type: string; actor: string }>(
      `SELECT type, actor FROM events WHERE ticket_id = $1 AND type LIKE 'unit_%' ORDER BY seq`,
      [id],
    );
    expect(events).toEqual([
      { type: 'unit_accepted', actor: 'unit:company:heating' },
      { type: 'unit_feedback', actor: 'unit:company:heating' },
    ]);
  });

  it('simulated units do not report back on a ticket while its unit waits for an extension', async () => {
    const since = new Date().toISOString();
    const waiting = await dispatchedTicket();
    expect((await act('unit.jinsong', waiting, 'accept')).statusCode).toBe(200);
    expect((await act('unit.jinsong', waiting, 'extension', { hours: 24, reason: '需要协调' })).statusCode).toBe(200);
    const id = await dispatchedTicket('company:heating');
    const stop = startUnitSimulator(server.db, { ...simulatorOptions, since });
    try {
      await until('reported back', async () => (await status(id)) === 'feedback');
    } finally {
      await stop();
    }
    // The heating ticket took two ticks after the extension was asked: both passed the waiting one by.
    expect(await status(waiting)).toBe('accepted');
  });
});
