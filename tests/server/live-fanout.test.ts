import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsChannel } from '../../src/server/auth/sessions';
import { callsChannel } from '../../src/server/cti/calls';
import { eventsChannel } from '../../src/server/events/push';
import { liveChannel } from '../../src/server/live/announcements';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import { eventsBy } from '../support/event-builder';
import { LiveTestClient } from '../support/live-client';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('fan-out carries ids, never data, on %s', (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let switchToken: string;
  const clients: LiveTestClient[] = [];
  /** Every notification payload seen on the server's channels during the run. */
  const payloads: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/cti-switches',
      headers: bearer(await server.token('admin')),
      payload: { name: 'pbx' },
    });
    switchToken = (issued.json() as { token: string }).token;
    for (const channel of [eventsChannel, liveChannel, callsChannel, sessionsChannel])
      stops.push(await server.db.listen(channel, (p) => p !== null && payloads.push(p)));
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const stop of stops) await stop();
    await server.close();
    // Ids and sequence numbers only: far from the 8,000 bytes a notification can hold.
    expect(payloads.length).toBeGreaterThan(0);
    expect(Math.max(...payloads.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(160);
  });
  const signedIn = async (username: string) => {
    const client = await LiveTestClient.connect(baseUrl);
    clients.push(client);
    client.send({ type: 'hello', token: await server.token(username) });
    await client.next((m) => m.type === 'welcome');
    return client;
  };

  it('delivers a call ringing 100 agents with long names, and answers the switch 200', async () => {
    const [agent, lead] = [await signedIn('agent1'), await signedIn('lead1')];
    const users = [
      'agent1',
      ...Array.from({ length: 99 }, (_, i) => `agent-of-the-overflow-hunt-group-number-${String(i).padStart(3, '0')}-x`),
    ];
    const callId = `wide-${engine}`;
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/cti/${switchToken}`,
      payload: { event: 'newCall', callId, from: '13800001111', to: '12345', direction: 'in', user: users, queue: 'overflow' },
    });
    expect(response.statusCode, response.body).toBe(200);
    for (const client of [agent, lead]) {
      const { message } = await client.next((m) => m.type === 'call' && m.call.id === callId);
      expect(message).toMatchObject({ call: { users, state: 'ringing', from: '13800001111' } });
    }
  });

  it('sends each step of a call as it was, even when the call has moved on by the time it is read', async () => {
    const agent = await signedIn('agent1');
    const callId = `steps-${engine}`;
    const base = { callId, from: '13800002222', to: '12345', direction: 'in' };
    for (const step of [
      { event: 'newCall', user: ['agent1'] },
      { event: 'answer', user: 'agent1' },
      { event: 'hangup', cause: 'normalClearing' },
    ]) {
      expect((await server.app.inject({ method: 'POST', url: `/api/cti/${switchToken}`, payload: { ...base, ...step } })).statusCode).toBe(
        200,
      );
    }
    await agent.next((m) => m.type === 'call' && m.call.id === callId && m.call.state === 'ended');
    const steps = agent.received.flatMap((r) => (r.message.type === 'call' && r.message.call.id === callId ? [r.message.call] : []));
    expect(steps.map((c) => [c.state, c.answeredBy, c.answeredAt !== null, c.endedAt !== null, c.cause])).toEqual([
      ['ringing', null, false, false, null],
      ['answered', 'agent1', true, false, null],
      ['ended', 'agent1', true, true, 'normalClearing'],
    ]);
  });

  it('links an incident of 300 tickets, answers 201 and sends leads every one of them', async () => {
    const lead = await signedIn('lead1');
    const events: TicketEvent[] = Array.from({ length: 300 }, () => eventsBy('agent1').created());
    for (let i = 0; i < events.length; i += 150) {
      const pushed = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(await server.token('agent1')),
        payload: { events: events.slice(i, i + 150) },
      });
      expect(pushed.statusCode).toBe(200);
    }
    const ticketIds = events.map((e) => e.ticketId);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/monitor/incidents',
      headers: bearer(await server.token('lead1')),
      payload: { title: 'Burst main', ticketIds },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id, linked } = response.json() as { id: string; linked: number };
    expect(linked).toBe(300);
    const sent = new Set<string>();
    await expect
      .poll(() => {
        for (const { message } of lead.received)
          if (message.type === 'monitor_tickets') for (const t of message.tickets) if (t.incidentId === id) sent.add(t.id);
        return sent.size;
      })
      .toBe(300);
  });

  it('delivers a notice, and a presence change, read from their rows', async () => {
    const [agent, lead] = [await signedIn('agent2'), await signedIn('lead1')];
    const text = '停水通知：'.repeat(40);
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url: '/api/monitor/notices',
          headers: bearer(await server.token('lead1')),
          payload: { text },
        })
      ).statusCode,
    ).toBe(201);
    const { message } = await agent.next((m) => m.type === 'notice' && m.notice.text === text);
    expect(message).toMatchObject({ notice: { from: '赵磊' } });
    agent.send({ type: 'presence', state: 'wrap_up' });
    await lead.next((m) => m.type === 'presence' && m.username === 'agent2' && m.state === 'wrap_up');
  });
});
