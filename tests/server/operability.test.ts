import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { eventsBy } from '../support/event-builder';
import { until } from '../support/until';
import { bearer, engines, freshDatabase, startTestServer, testConfig, type TestServer } from './test-server';

describe.each(engines)('operability on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('reports health with the engine and the event head', async () => {
    const response = await server.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', engine, head: expect.any(Number) });
  });

  it('exposes Prometheus metrics, including request durations and push outcomes', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [eventsBy('agent1').created()] },
    });
    const response = await server.app.inject({ url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('process_cpu_user_seconds_total');
    expect(response.body).toMatch(/hotline_http_request_duration_seconds_count\{method="POST",route="\/api\/sync\/push",status="200"\} 1/);
    expect(response.body).toContain('hotline_pushed_events_total{status="accepted"} 1');
  });

  it('documents every API route in OpenAPI, with the request schemas', async () => {
    const doc = (await server.app.inject({ url: '/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/',
      '/api/admin/cti-switches',
      '/api/admin/open311-keys',
      '/api/admin/open311-keys/{id}/revoke',
      '/api/admin/reference',
      '/api/admin/reference.csv',
      '/api/admin/reference/history',
      '/api/admin/reference/import',
      '/api/admin/routing/preview',
      '/api/admin/tickets/{id}/audit',
      '/api/admin/users',
      '/api/admin/users/{id}',
      '/api/admin/users/{id}/revoke-sessions',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/calls/figures',
      '/api/calls/{callId}/wrapup',
      '/api/cti/{token}',
      '/api/live',
      '/api/monitor/help/answer',
      '/api/monitor/incidents',
      '/api/monitor/notices',
      '/api/monitor/notices/{id}',
      '/api/monitor/ranking',
      '/api/monitor/ranking.csv',
      '/api/monitor/rates',
      '/api/monitor/rates.csv',
      '/api/monitor/snapshot',
      '/api/monitor/summary',
      '/api/notices',
      '/api/reference',
      '/api/sync/bootstrap',
      '/api/sync/caller-index',
      '/api/sync/pull',
      '/api/sync/push',
      '/api/sync/tickets',
      '/api/tickets',
      '/api/tickets/{id}',
      '/api/tickets/{id}/publish',
      '/api/tickets/{id}/unpublish',
      '/api/units/tickets',
      '/api/units/tickets/{id}/accept',
      '/api/units/tickets/{id}/extension',
      '/api/units/tickets/{id}/feedback',
      '/api/units/tickets/{id}/progress',
      '/api/units/tickets/{id}/return',
      '/healthz',
      '/metrics',
      '/open311/discovery.json',
      '/open311/discovery.xml',
      '/open311/v2/requests.json',
      '/open311/v2/requests.xml',
      '/open311/v2/requests/{file}',
      '/open311/v2/services.json',
      '/open311/v2/services.xml',
      '/open311/v2/services/{file}',
      '/open311/v2/tokens/{file}',
    ]);
    expect(doc.paths['/api/auth/login']!.post!.requestBody!.content['application/json']!.schema.required).toEqual(['username', 'password']);
  });

  it('answers unknown routes and methods in the same error shape', async () => {
    const missing = await server.app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nothing-here.' } });
  });

  it('finishes in-flight requests when it shuts down', async () => {
    const { db } = await freshDatabase(engine);
    const app = await buildServer({ db, config: testConfig(), logger: false });
    let pushArrived = false;
    app.addHook('preHandler', async (request) => {
      if (request.url === '/api/sync/push') pushArrived = true;
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(new URL('/api/auth/login', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent1', password: 'hotline12345' }),
    });
    const { token } = (await login.json()) as { token: string };
    const maker = eventsBy('agent1');
    const events = Array.from({ length: 200 }, () => maker.created());
    const inFlight = fetch(new URL('/api/sync/push', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ events }),
    });
    // Shut down only once the push is being handled: one that arrives after would rightly get 503.
    await until('the push to reach its handler', () => pushArrived);
    const closing = app.close();
    const response = await inFlight;
    await closing;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: { status: string }[] }).results.filter((r) => r.status === 'accepted')).toHaveLength(200);
    const { n } = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'created'`))[0]!;
    expect(n).toBe(200);
    await expect(fetch(new URL('/healthz', base))).rejects.toThrow();
    await db.close();
  });
});
