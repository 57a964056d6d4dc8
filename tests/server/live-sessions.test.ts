import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/token-hash';
import { demoPassword } from '../../src/server/seed/seed';
import { startChildServer } from '../support/child-host';
import { LiveTestClient } from '../support/live-client';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

/** A fresh session for a demo user, with its user id (each test ends its own sessions). */
async function signIn(app: FastifyInstance, username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
  expect(response.statusCode, response.body).toBe(200);
  const { token, user } = response.json() as { token: string; user: { id: string } };
  return { token, userId: user.id };
}

async function liveSocket(baseUrl: string, token: string, clients: LiveTestClient[]) {
  const client = await LiveTestClient.connect(baseUrl);
  clients.push(client);
  client.send({ type: 'hello', token });
  await client.next((m) => m.type === 'welcome');
  return client;
}

const adminPatch = async (server: TestServer, userId: string, payload: Record<string, unknown>) => {
  const response = await server.app.inject({
    method: 'PATCH',
    url: `/api/admin/users/${userId}`,
    headers: bearer(await server.token('admin')),
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { user: { role: string }; disabled: boolean; revoked: number };
};

describe.each(engines)('live sockets end with their session on %s', (engine) => {
  let server: TestServer;
  let baseUrl: string;
  let switchToken: string;
  const clients: LiveTestClient[] = [];
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
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });
  const ring = (callId: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/cti/${switchToken}`,
      payload: { event: 'newCall', callId, from: '13800001111', to: '12345', direction: 'in', user: ['agent1'] },
    });
  const notice = async (text: string) =>
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

  it('closes the socket on sign-out, and what is committed after it never reaches the socket', async () => {
    const { token } = await signIn(server.app, 'lead1');
    const lead = await liveSocket(baseUrl, token, clients);
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) })).statusCode).toBe(204);
    expect((await ring(`after-logout-${engine}`)).statusCode).toBe(200);
    await notice('after logout');
    expect((await lead.closed).code).toBe(4401);
    expect(lead.received.filter((r) => r.message.type === 'call' || r.message.type === 'notice')).toEqual([]);
  });

  it("closes every socket of a user whose sessions an admin revoked, and the socket's presence is not taken", async () => {
    const watcher = await liveSocket(baseUrl, await server.token('lead1'), clients);
    const { token, userId } = await signIn(server.app, 'agent1');
    const [first, second] = [await liveSocket(baseUrl, token, clients), await liveSocket(baseUrl, token, clients)];
    const revoked = await server.app.inject({
      method: 'POST',
      url: `/api/admin/users/${userId}/revoke-sessions`,
      headers: bearer(await server.token('admin')),
    });
    expect(revoked.json()).toMatchObject({ revoked: expect.any(Number) as number });
    first.send({ type: 'presence', state: 'break' });
    expect((await ring(`after-revoke-${engine}`)).statusCode).toBe(200);
    expect((await first.closed).code).toBe(4401);
    expect((await second.closed).code).toBe(4401);
    await watcher.next((m) => m.type === 'presence' && m.userId === userId && m.state === 'disconnected');
    expect(watcher.received.some((r) => r.message.type === 'presence' && r.message.userId === userId && r.message.state === 'break')).toBe(
      false,
    );
    for (const socket of [first, second]) expect(socket.received.filter((r) => r.message.type === 'call')).toEqual([]);
  });

  it('closes the socket when its session expires, not later', async () => {
    const { token } = await signIn(server.app, 'agent2');
    const [row] = await server.db.query<{ expires_at: Date }>(
      `UPDATE sessions SET expires_at = now() + interval '1 second' WHERE token_hash = $1 RETURNING expires_at`,
      [hashToken(token)],
    );
    const agent = await liveSocket(baseUrl, token, clients);
    const closed = await agent.closed;
    expect(closed.code).toBe(4401);
    const lateMs = Date.now() - row!.expires_at.getTime();
    console.log(`[live] socket closed ${lateMs} ms after its session expired`);
    expect(lateMs).toBeGreaterThanOrEqual(-50);
  });

  it('closes the socket when an admin changes the role or disables the user, and their sessions end', async () => {
    const { token, userId } = await signIn(server.app, 'agent3');
    const promoted = await liveSocket(baseUrl, token, clients);
    expect(await adminPatch(server, userId, { role: 'lead' })).toMatchObject({ user: { role: 'lead' }, disabled: false, revoked: 1 });
    expect((await promoted.closed).code).toBe(4401);
    expect((await server.app.inject({ url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(401);

    const again = await signIn(server.app, 'agent3');
    const disabled = await liveSocket(baseUrl, again.token, clients);
    expect(await adminPatch(server, userId, { disabled: true })).toMatchObject({ disabled: true, revoked: 1 });
    expect((await disabled.closed).code).toBe(4401);
    expect(
      (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent3', password: demoPassword } }))
        .statusCode,
    ).toBe(401);
    expect(await adminPatch(server, userId, { disabled: false, role: 'agent' })).toMatchObject({
      user: { role: 'agent' },
      disabled: false,
      revoked: 0,
    });
  });

  it('takes one hello per socket, even two sent at once', async () => {
    const { token } = await signIn(server.app, 'agent2');
    const client = await LiveTestClient.connect(baseUrl);
    clients.push(client);
    client.send({ type: 'hello', token });
    client.send({ type: 'hello', token });
    await client.next((m) => m.type === 'error' && m.message === 'Already signed in on this socket.');
    await client.next((m) => m.type === 'welcome');
    expect(client.received.filter((r) => r.message.type === 'welcome')).toHaveLength(1);
  });

  it('refuses a change that makes no sense, changing nothing', async () => {
    const { userId } = await signIn(server.app, 'agent2');
    const admin = bearer(await server.token('admin'));
    for (const payload of [
      {},
      { role: 'unit' },
      { role: 'unit', unitCode: 'no-such-unit' },
      { unitCode: 'street:110105017' },
      { role: 'boss' },
    ]) {
      const response = await server.app.inject({ method: 'PATCH', url: `/api/admin/users/${userId}`, headers: admin, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const missing = await server.app.inject({
      method: 'PATCH',
      url: '/api/admin/users/00000000-0000-4000-8000-000000000000',
      headers: admin,
      payload: { disabled: true },
    });
    expect(missing.statusCode).toBe(404);
    const [row] = await server.db.query<{ role: string; disabled: boolean }>(`SELECT role, disabled FROM users WHERE id = $1`, [userId]);
    expect(row).toEqual({ role: 'agent', disabled: false });
  });
});

describe('live sockets end on every server process on postgres', () => {
  let server: TestServer;
  const clients: LiveTestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.close();
  });

  it("closes a second process's sockets on sign-out, revocation and a role change made on the first", async () => {
    const second = await startChildServer(server.url!);
    try {
      const out = await signIn(server.app, 'agent1');
      const signedOut = await liveSocket(second.url, out.token, clients);
      const revokedUser = await signIn(server.app, 'agent2');
      const revoked = await liveSocket(second.url, revokedUser.token, clients);
      const changedUser = await signIn(server.app, 'lead1');
      const changed = await liveSocket(second.url, changedUser.token, clients);
      const bystander = await liveSocket(second.url, (await signIn(server.app, 'agent3')).token, clients);

      expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(out.token) })).statusCode).toBe(204);
      expect((await signedOut.closed).code).toBe(4401);
      const admin = bearer(await server.token('admin'));
      expect(
        (await server.app.inject({ method: 'POST', url: `/api/admin/users/${revokedUser.userId}/revoke-sessions`, headers: admin }))
          .statusCode,
      ).toBe(200);
      expect((await revoked.closed).code).toBe(4401);
      await adminPatch(server, changedUser.userId, { role: 'agent' });
      expect((await changed.closed).code).toBe(4401);
      await adminPatch(server, changedUser.userId, { role: 'lead' });
      expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    } finally {
      await second.kill();
    }
  });
});
