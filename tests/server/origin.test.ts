import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { demoPassword } from '../../src/server/seed/demo-password';
import { engines, freshDatabase, testConfig } from './test-server';

describe.each(engines)('cross-origin requests on %s', (engine) => {
  let db: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let url: string;
  beforeAll(async () => {
    ({ db } = await freshDatabase(engine));
    app = await buildServer({ db, config: testConfig({ ALLOWED_ORIGINS: 'https://wallboard.example' }), logger: false });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });
  const login = (origin?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: origin ? { origin } : {},
      payload: { username: 'agent1', password: demoPassword },
    });

  it('refuses API calls from other sites, before anything happens, and serves programs and listed origins', async () => {
    const evil = await login('https://evil.example');
    expect(evil.statusCode).toBe(403);
    expect((evil.json() as { error: { message: string } }).error.message).toContain('Requests from https://evil.example are refused');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    expect((await login()).statusCode).toBe(200);
    const listed = await login('https://wallboard.example');
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe('https://wallboard.example');
  });

  it('leaves Open311 reads open to any page, with CORS', async () => {
    const response = await app.inject({ url: '/open311/v2/services.json', headers: { origin: 'https://some-311-app.example' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses the live socket to a page from another site', async () => {
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(new URL('/api/live', url.replace(/^http/, 'ws')), { origin: 'https://evil.example' });
      ws.on('unexpected-response', (request, response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
        ws.terminate();
      });
      ws.on('error', () => {});
      ws.on('open', () => {
        ws.terminate();
        resolve(101);
      });
    });
    expect(refused).toBe(403);
    const accepted = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(new URL('/api/live', url.replace(/^http/, 'ws')));
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
    expect(accepted).toBe(true);
  });
});
