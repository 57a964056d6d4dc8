import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttle } from '../../src/server/auth/login-throttle';
import { demoPassword } from '../../src/server/seed/seed';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('auth and roles on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const login = (username: string, password: string, ip = '127.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  const get = async (url: string, username?: string) =>
    server.app.inject({ url, headers: username ? bearer(await server.token(username)) : {} });

  it('signs in with the right password and returns the user without secrets', async () => {
    const response = await login('agent1', demoPassword);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { token: string; expiresAt: string; user: Record<string, unknown> };
    expect(body.user).toMatchObject({ username: 'agent1', role: 'agent', unitCode: null });
    expect(Object.keys(body.user).sort()).toEqual(['displayName', 'id', 'role', 'unitCode', 'username']);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    const [stored] = await server.db.query<{ token_hash: string }>(`SELECT token_hash FROM sessions ORDER BY created_at DESC LIMIT 1`);
    expect(stored!.token_hash).not.toContain(body.token);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login('agent2', 'not-the-password', '10.9.0.1');
    const unknown = await login('nobody', 'whatever-pass', '10.9.0.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('throttles repeated failures for a username from one address, even with the right password afterwards', async () => {
    for (let i = 0; i < throttle.perAddress; i++) expect((await login('agent3', 'bad-password', '10.8.0.1')).statusCode).toBe(401);
    const locked = await login('agent3', demoPassword, '10.8.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('ends sessions on logout, on expiry and when an admin revokes them', async () => {
    const session = (await login('lead1', demoPassword)).json() as { token: string; user: { id: string } };
    expect((await server.app.inject({ url: '/api/auth/me', headers: bearer(session.token) })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session.token) })).statusCode).toBe(204);
    expect((await server.app.inject({ url: '/api/auth/me', headers: bearer(session.token) })).statusCode).toBe(401);

    const expiring = (await login('lead1', demoPassword)).json() as { token: string };
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND user_id = $1`, [
      session.user.id,
    ]);
    expect((await server.app.inject({ url: '/api/auth/me', headers: bearer(expiring.token) })).statusCode).toBe(401);

    const revoked = (await login('lead1', demoPassword)).json() as { token: string };
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/admin/users/${session.user.id}/revoke-sessions`,
      headers: bearer(await server.token('admin')),
    });
    expect(response.json()).toEqual({ revoked: 1 });
    expect((await server.app.inject({ url: '/api/auth/me', headers: bearer(revoked.token) })).statusCode).toBe(401);
  });

  it('refuses lead and admin routes to agents, and pushes to units', async () => {
    expect((await get('/api/monitor/summary', 'agent1')).statusCode).toBe(403);
    expect((await get('/api/admin/users', 'agent1')).statusCode).toBe(403);
    expect((await get('/api/admin/users', 'lead1')).statusCode).toBe(403);
    expect((await get('/api/monitor/summary', 'lead1')).statusCode).toBe(200);
    expect((await get('/api/admin/users', 'admin')).statusCode).toBe(200);
    const push = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('unit.jinsong')),
      payload: { events: [eventsBy('unit.jinsong').created()] },
    });
    expect(push.statusCode).toBe(403);
    expect(push.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses every protected route without a valid token', async () => {
    for (const url of ['/api/auth/me', '/api/sync/pull', '/api/reference', '/api/tickets', '/api/monitor/summary', '/api/admin/users']) {
      expect((await get(url)).statusCode, url).toBe(401);
      const forged = await server.app.inject({ url, headers: bearer('A'.repeat(43)) });
      expect(forged.statusCode, url).toBe(401);
    }
  });

  it('lets admins create users, with field errors for bad ones', async () => {
    const token = await server.token('admin');
    const create = (payload: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/api/admin/users', headers: bearer(token), payload });
    const made = await create({ username: 'agent9', displayName: '新坐席', role: 'agent', password: 'a-long-enough-pass' });
    expect(made.statusCode).toBe(201);
    expect((await login('agent9', 'a-long-enough-pass')).statusCode).toBe(200);
    expect((await create({ username: 'agent9', displayName: 'x', role: 'agent', password: 'a-long-enough-pass' })).statusCode).toBe(409);
    const unitless = await create({ username: 'unit.x', displayName: 'x', role: 'unit', password: 'a-long-enough-pass' });
    expect(unitless.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'unitCode' }] } });
    const badUnit = await create({
      username: 'unit.x',
      displayName: 'x',
      role: 'unit',
      unitCode: 'street:000000000',
      password: 'a-long-enough-pass',
    });
    expect(badUnit.statusCode).toBe(400);
    const short = await create({ username: 'Bad Name', displayName: 'x', role: 'root', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect((short.json() as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort()).toEqual([
      'password',
      'role',
      'username',
    ]);
  });
});
