import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { LiveLink } from '../../src/main/sync/live-link';
import { demoPassword } from '../../src/server/seed/seed';
import { loginResponseSchema } from '../../src/shared/server-api/auth';
import { eventsBy } from '../support/event-builder';
import { LiveTestClient } from '../support/live-client';
import { manualSchedule } from '../support/manual-schedule';
import { until } from '../support/until';
import { engines, freshDatabase } from './test-server';
import { centre, onCleanup, serve } from './workstations';

const post = async (baseUrl: string, path: string, body: unknown, token?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(new URL(path, baseUrl), { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const login = async (baseUrl: string, username: string) =>
  loginResponseSchema.parse(await post(baseUrl, '/api/auth/login', { username, password: demoPassword })).token;

/** A loopback port nothing listens on: connecting to it is refused at once. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = z.object({ port: z.number() }).parse(probe.address());
      probe.close(() => resolve(port));
    });
  });

describe.each(engines)("the workstation's live link to the server on %s", (engine) => {
  it('backs off with growing, capped waits while the server is down, reconnects when it is back, and starts again from the shortest wait', async () => {
    const { db } = await freshDatabase(engine);
    let server = await serve(db);
    const { port, url } = server;
    onCleanup(async () => {
      await server.app.close();
      await db.close();
    });
    const token = await login(url, 'agent1');
    await server.app.close();

    const clock = manualSchedule();
    const hints: (number | undefined)[] = [];
    const link = new LiveLink({
      baseUrl: url,
      workstationId: 'ws-backoff',
      onHint: (head) => hints.push(head),
      random: () => 1,
      schedule: clock.schedule,
      retryCapMs: 30_000, // the doubling shows past the default cap of 1.5 s
    });
    onCleanup(async () => link.stop());
    link.ensure(token);
    for (let attempt = 1; attempt <= 7; attempt++) {
      await until(`retry ${attempt} waiting`, () => clock.pending().length === 1);
      clock.fire();
    }
    await until('retry 8 waiting', () => clock.pending().length === 1);
    // With the jitter at its top, each wait is the ceiling: doubling from 1 s, capped at 30 s.
    expect(clock.delays()).toEqual([1000, 2000, 4000, 8000, 16000, 30_000, 30_000, 30_000]);
    expect(hints).toEqual([]);

    server = await serve(db, port);
    clock.fire();
    // On welcome the link asks for a sync: events may have been made while it was away.
    await until('welcomed', () => hints.length === 1);
    expect(hints).toEqual([undefined]);

    // The server goes away with the socket open: the link notices, and its first wait is the shortest again.
    await server.app.close();
    await until('retry after the drop', () => clock.pending().length === 1);
    expect(clock.pending()[0]!.ms).toBe(1000);
    server = await serve(db, port);
    clock.fire();
    await until('welcomed again', () => hints.length === 2);
    const { head } = z
      .object({ head: z.number() })
      .parse(await post(url, '/api/sync/push', { events: [eventsBy('agent2').created()] }, await login(url, 'agent2')));
    await until('hinted of the new event', () => hints.includes(head));
    expect(clock.pending()).toEqual([]);
  });

  it('closes its socket and tries nothing more once stopped, connected or waiting to retry', async () => {
    const { db, server } = await centre(engine);
    const lead = await LiveTestClient.connect(server.url);
    onCleanup(async () => lead.close());
    lead.send({ type: 'hello', token: await login(server.url, 'lead1'), workstationId: 'ws-lead' });
    await lead.next((m) => m.type === 'welcome');
    const [{ id }] = z.tuple([z.object({ id: z.string() })]).parse(await db.query(`SELECT id FROM users WHERE username = 'agent3'`));

    const clock = manualSchedule();
    const link = new LiveLink({
      baseUrl: server.url,
      workstationId: 'ws-stop',
      onHint: () => {},
      random: () => 1,
      schedule: clock.schedule,
    });
    link.ensure(await login(server.url, 'agent3'));
    await lead.next((m) => m.type === 'presence' && m.userId === id && m.state === 'available');
    link.stop();
    await lead.next((m) => m.type === 'presence' && m.userId === id && m.state === 'disconnected');
    expect(clock.pending()).toEqual([]);

    const away = new LiveLink({
      baseUrl: `http://127.0.0.1:${await closedPort()}/`,
      workstationId: 'ws-away',
      onHint: () => {},
      random: () => 1,
      schedule: clock.schedule,
    });
    away.ensure('t'.repeat(43));
    await until('a retry waiting', () => clock.pending().length === 1);
    away.stop();
    expect(clock.pending()).toEqual([]);
    expect(clock.delays()).toEqual([1000]);
  });
});

describe('the live link once stopped', () => {
  it('acts on nothing more from its socket, even what the server had already sent', async () => {
    // The server sends the welcome and a hint at once: both are on the wire before the link stops.
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => wss.once('listening', resolve));
    onCleanup(() => new Promise<void>((resolve) => wss.close(() => resolve())));
    let serverSawClose = false;
    wss.on('connection', (socket) => {
      socket.on('close', () => (serverSawClose = true));
      socket.once('message', () => {
        socket.send(JSON.stringify({ type: 'welcome', head: 5 }));
        socket.send(JSON.stringify({ type: 'events', head: 9 }));
      });
    });
    const { port } = z.object({ port: z.number() }).parse(wss.address());

    const hints: (number | undefined)[] = [];
    const states: boolean[] = [];
    const link: LiveLink = new LiveLink({
      baseUrl: `http://127.0.0.1:${port}/`,
      workstationId: 'ws-stopping',
      onHint: (head) => hints.push(head),
      // Whoever hears the link come up stops it, as a core closing its cache would.
      onState: (up) => {
        states.push(up);
        if (up) link.stop();
      },
      random: () => 1,
      schedule: manualSchedule().schedule,
    });
    link.ensure('t'.repeat(43));
    await until('the socket closed on both ends', () => serverSawClose);
    expect(states).toEqual([true]);
    expect(hints).toEqual([]);
  });
});
