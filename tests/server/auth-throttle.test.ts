import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { throttle } from '../../src/server/auth/login-throttle';
import { passwordWork } from '../../src/server/auth/password';
import { openPostgres } from '../../src/server/db/postgres';
import { demoPassword } from '../../src/server/seed/seed';
import { engines, startTestServer, testConfig, type TestServer } from './test-server';

const login = (app: FastifyInstance, username: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

const statuses = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>((n, r) => ({ ...n, [r.statusCode]: (n[r.statusCode] ?? 0) + 1 }), {});

describe.each(engines)('sign-in throttling on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('checks exactly the allowed number of 100 concurrent wrong passwords, and says "throttled" apart from "wrong"', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => login(server.app, 'agent3', 'wrong-password', '10.1.0.1')));
    expect(statuses(answers)).toEqual({ 401: throttle.perAddress, 429: 100 - throttle.perAddress });
    const wrong = answers.find((a) => a.statusCode === 401)!;
    const throttled = answers.find((a) => a.statusCode === 429)!;
    expect(wrong.json()).toEqual({ error: { code: 'unauthenticated', message: 'Wrong username or password.' } });
    expect(throttled.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(throttled.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(throttle.windowMinutes * 60);
    // Even the right password is not checked from the address that guessed.
    expect((await login(server.app, 'agent3', demoPassword, '10.1.0.1')).statusCode).toBe(429);
  });

  it('does not let wrong passwords from another address lock the owner out', async () => {
    for (let i = 0; i < throttle.perAddress; i++)
      expect((await login(server.app, 'agent2', 'wrong-password', '10.2.0.66')).statusCode).toBe(401);
    expect((await login(server.app, 'agent2', 'wrong-password', '10.2.0.66')).statusCode).toBe(429);
    expect((await login(server.app, 'agent2', demoPassword, '10.2.0.7')).statusCode).toBe(200);
  });

  it('closes a username to every address only after many addresses failed, and the owner clears only their own', async () => {
    const addresses = Math.ceil(throttle.perUsername / throttle.perAddress);
    await server.db.query(
      `INSERT INTO login_failures (username, ip) SELECT 'lead1', '10.3.' || (i / 200) || '.' || (i % 200) FROM generate_series(0, $1 - 1) i`,
      [addresses * throttle.perAddress - 1],
    );
    // One short of the limit: the owner still signs in, and that forgets only the owner's address.
    expect((await login(server.app, 'lead1', demoPassword, '10.3.0.0')).statusCode).toBe(200);
    const [{ n }] = (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM login_failures WHERE username = 'lead1'`)) as [
      { n: number },
    ];
    expect(n).toBe(addresses * throttle.perAddress - 2);
    await server.db.query(`INSERT INTO login_failures (username, ip) VALUES ('lead1', '10.4.0.1'), ('lead1', '10.4.0.2')`);
    const closed = await login(server.app, 'lead1', demoPassword, '10.4.0.3');
    expect(closed.statusCode).toBe(429);
    expect(closed.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('forgets failures once they leave the window, whoever made them', async () => {
    await server.db.query(
      `INSERT INTO login_failures (username, ip, at) VALUES ('someone', '10.7.0.1', now() - make_interval(mins => $1 + 1))`,
      [throttle.windowMinutes],
    );
    expect((await login(server.app, 'agent2', 'wrong-password', '10.7.0.2')).statusCode).toBe(401);
    expect(await server.db.query(`SELECT 1 FROM login_failures WHERE username = 'someone'`)).toEqual([]);
  });

  it('answers a burst of sign-ins beyond what it can hash at once with a quick 503 and Retry-After, never a hang', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const response = await login(server.app, 'agent1', demoPassword, `10.5.0.${i}`);
        return { response, ms: performance.now() - started };
      }),
    );
    const counts = statuses(answers.map((a) => a.response));
    expect(Object.keys(counts).sort()).toEqual(['200', '503']);
    expect(counts[200]).toBeGreaterThanOrEqual(passwordWork.concurrency + passwordWork.maxWaiting);
    const busy = answers.filter((a) => a.response.statusCode === 503);
    for (const { response } of busy) {
      expect(response.json()).toMatchObject({ error: { code: 'unavailable' } });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    // A refused sign-in is told at once: before the hashing line it was not let into has drained.
    const lastHashed = Math.max(...answers.filter((a) => a.response.statusCode === 200).map((a) => a.ms));
    expect(Math.max(...busy.map((a) => a.ms))).toBeLessThan(lastHashed);
    console.log(
      `[auth] 100 concurrent sign-ins: ${counts[200]} signed in, ${counts[503]} told 503; slowest 503 ${Math.max(...busy.map((a) => a.ms)).toFixed(0)} ms, slowest 200 ${lastHashed.toFixed(0)} ms`,
    );
    // Attempts never checked are not held against anyone.
    expect(await server.db.query(`SELECT 1 FROM login_failures WHERE username = 'agent1'`)).toEqual([]);
  });
});

describe('sign-in throttling across server processes on postgres', () => {
  let server: TestServer;
  let second: FastifyInstance;
  beforeAll(async () => {
    server = await startTestServer('postgres');
    const db = await openPostgres(server.url!);
    second = await buildServer({ db, config: testConfig(), logger: false });
    second.addHook('onClose', () => db.close());
  });
  afterAll(async () => {
    await second.close();
    await server.close();
  });

  it('shares one count: 50 concurrent guesses on each of two servers get the limit checked in all', async () => {
    const guesses = (app: FastifyInstance) => Array.from({ length: 50 }, () => login(app, 'agent3', 'wrong-password', '10.6.0.1'));
    const answers = await Promise.all([...guesses(server.app), ...guesses(second)]);
    expect(statuses(answers)).toEqual({ 401: throttle.perAddress, 429: 100 - throttle.perAddress });
  });
});
