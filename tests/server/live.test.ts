import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/seed/seed';
import { startChildServer } from '../support/child-host';
import { eventsBy } from '../support/event-builder';
import { LiveTestClient } from '../support/live-client';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('live WebSocket on %s', (engine) => {
  let server: TestServer;
  let baseUrl: string;
  const clients: LiveTestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine);
    baseUrl = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });
  const connect = async () => {
    const client = await LiveTestClient.connect(baseUrl);
    clients.push(client);
    return client;
  };
  const signedIn = async (username: string) => {
    const client = await connect();
    client.send({ type: 'hello', token: await server.token(username), workstationId: `ws-${username}` });
    await client.next((m) => m.type === 'welcome');
    return client;
  };

  it('hints every signed-in client when events are pushed', async () => {
    const agent = await signedIn('agent2');
    const { head } = (
      await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(await server.token('agent1')),
        payload: { events: [eventsBy('agent1').created()] },
      })
    ).json() as { head: number };
    await agent.next((m) => m.type === 'events' && m.head === head);
  });

  it('closes sockets that do not say hello with a live token', async () => {
    const early = await connect();
    early.send({ type: 'presence', state: 'available' });
    expect((await early.closed).code).toBe(4401);
    const forged = await connect();
    forged.send({ type: 'hello', token: 'x'.repeat(43) });
    expect((await forged.closed).code).toBe(4401);
  });

  it('answers unreadable messages with an error and keeps the socket', async () => {
    const agent = await signedIn('agent3');
    for (const bad of ['not json', '{"type":"presence","state":"asleep"}', '{"type":"hello"}', '[]']) agent.send(bad);
    await expect.poll(() => agent.received.filter((r) => r.message.type === 'error').length).toBe(4);
    expect(agent.ws.readyState).toBe(agent.ws.OPEN);
  });

  it('tells leads when an agent changes state or drops off', async () => {
    const lead = await signedIn('lead1');
    const agent = await signedIn('agent1');
    const { id } = (await server.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'agent1'`))[0]!;
    agent.send({ type: 'presence', state: 'on_call' });
    await lead.next((m) => m.type === 'presence' && m.userId === id && m.state === 'on_call');
    agent.close();
    await lead.next((m) => m.type === 'presence' && m.userId === id && m.state === 'disconnected');
    const summary = (await server.app.inject({ url: '/api/monitor/summary', headers: bearer(await server.token('lead1')) })).json() as {
      agents: { userId: string; state: string }[];
    };
    expect(summary.agents.find((a) => a.userId === id)?.state).toBe('disconnected');
  });
});

// PGlite is one embedded process by design; fan-out between processes is PostgreSQL's job.
describe('live WebSocket across server processes on postgres', () => {
  let server: TestServer;
  const clients: LiveTestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it('reaches a client of a second server process on the same database', async () => {
    const second = await startChildServer(server.url!);
    try {
      const login = await fetch(new URL('/api/auth/login', second.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'agent2', password: demoPassword }),
      });
      const { token } = (await login.json()) as { token: string };
      const remote = await LiveTestClient.connect(second.url);
      clients.push(remote);
      remote.send({ type: 'hello', token });
      await remote.next((m) => m.type === 'welcome');

      const agentToken = await server.token('agent1');
      const pushedAt = performance.now();
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(agentToken),
        payload: { events: [eventsBy('agent1').created()] },
      });
      const { head } = response.json() as { head: number };
      const hint = await remote.next((m) => m.type === 'events' && m.head === head);
      console.log(`[live] push on process A → hint on process B's client in ${(hint.at - pushedAt).toFixed(1)} ms`);

      // The hint is only a wake-up: what it points to is there to pull from the other process.
      const pulled = await fetch(new URL(`/api/sync/pull?after=${head - 2}`, second.url), { headers: bearer(token) });
      expect(((await pulled.json()) as { events: { seq: number }[] }).events.map((e) => e.seq)).toEqual([head - 1, head]);
    } finally {
      await second.kill();
    }
  });
});
