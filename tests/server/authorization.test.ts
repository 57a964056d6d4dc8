import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/domain/ids';
import { demoPassword } from '../../src/server/seed/demo-password';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

/**
 * Every documented route × every role: the server, not the UI, decides who may do what. A route
 * added without a row here fails the first test, so none slips through unchecked.
 */
type Role = 'agent' | 'lead' | 'unit' | 'admin';
const users: Record<Role, string> = { agent: 'agent1', lead: 'lead1', unit: 'unit.jinsong', admin: 'admin' };
const hotline: Role[] = ['agent', 'lead', 'admin'];
const everyone: Role[] = ['agent', 'lead', 'unit', 'admin'];

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Who gets past the door; 'public' needs no session. */
  allowed: Role[] | 'public';
  url?: string;
  body?: unknown;
  /** Ends the session it is called with (logout): use a session of its own. */
  endsSession?: boolean;
}

const anyId = newId();
const matrix: Row[] = [
  { method: 'GET', path: '/', allowed: 'public' },
  { method: 'GET', path: '/healthz', allowed: 'public' },
  { method: 'POST', path: '/api/auth/login', allowed: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'POST', path: '/api/auth/logout', allowed: everyone, body: {}, endsSession: true },
  { method: 'GET', path: '/api/auth/me', allowed: everyone },
  { method: 'POST', path: '/api/sync/push', allowed: hotline, body: { events: [{}] } },
  { method: 'GET', path: '/api/sync/pull', allowed: everyone },
  { method: 'GET', path: '/api/sync/bootstrap', allowed: everyone, url: '/api/sync/bootstrap?since=2026-11-01T00:00:00.000Z' },
  { method: 'POST', path: '/api/sync/tickets', allowed: everyone, body: { ids: [anyId] } },
  {
    method: 'GET',
    path: '/api/sync/caller-index',
    allowed: everyone,
    url: '/api/sync/caller-index?since=2025-11-01T00:00:00.000Z&until=2026-11-01T00:00:00.000Z',
  },
  { method: 'GET', path: '/api/reference', allowed: everyone },
  { method: 'GET', path: '/api/tickets', allowed: everyone },
  { method: 'GET', path: '/api/tickets/{id}', allowed: everyone, url: `/api/tickets/${anyId}` },
  {
    method: 'POST',
    path: '/api/tickets/{id}/publish',
    allowed: ['lead', 'admin'],
    url: `/api/tickets/${anyId}/publish`,
    body: { summary: '楼道垃圾长期无人清理' },
  },
  { method: 'POST', path: '/api/tickets/{id}/unpublish', allowed: ['lead', 'admin'], url: `/api/tickets/${anyId}/unpublish` },
  { method: 'GET', path: '/api/monitor/summary', allowed: ['lead', 'admin'] },
  { method: 'GET', path: '/api/monitor/snapshot', allowed: ['lead', 'admin'] },
  {
    method: 'GET',
    path: '/api/monitor/rates',
    allowed: ['lead', 'admin'],
    url: '/api/monitor/rates?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&by=unit',
  },
  {
    method: 'GET',
    path: '/api/monitor/rates.csv',
    allowed: ['lead', 'admin'],
    url: '/api/monitor/rates.csv?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&by=district',
  },
  { method: 'GET', path: '/api/monitor/ranking', allowed: ['lead', 'admin'], url: '/api/monitor/ranking?month=2026-11' },
  { method: 'GET', path: '/api/monitor/ranking.csv', allowed: ['lead', 'admin'], url: '/api/monitor/ranking.csv?month=2026-11' },
  { method: 'POST', path: '/api/monitor/notices', allowed: ['lead', 'admin'], body: {} },
  { method: 'GET', path: '/api/notices', allowed: ['agent', 'lead', 'admin'] },
  { method: 'DELETE', path: '/api/monitor/notices/{id}', allowed: ['lead', 'admin'], url: `/api/monitor/notices/${anyId}` },
  { method: 'POST', path: '/api/monitor/incidents', allowed: ['lead', 'admin'], body: {} },
  { method: 'POST', path: '/api/monitor/help/answer', allowed: ['lead', 'admin'], body: { username: 'nobody' } },
  { method: 'GET', path: '/api/admin/users', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/users', allowed: ['admin'], body: {} },
  { method: 'PATCH', path: '/api/admin/users/{id}', allowed: ['admin'], url: `/api/admin/users/${anyId}`, body: {} },
  { method: 'POST', path: '/api/admin/users/{id}/revoke-sessions', allowed: ['admin'], url: `/api/admin/users/${anyId}/revoke-sessions` },
  { method: 'GET', path: '/api/admin/tickets/{id}/audit', allowed: ['admin'], url: `/api/admin/tickets/${anyId}/audit` },
  { method: 'GET', path: '/api/admin/reference', allowed: ['admin'], url: '/api/admin/reference?kind=queue' },
  { method: 'PUT', path: '/api/admin/reference', allowed: ['admin'], body: {} },
  { method: 'GET', path: '/api/admin/reference/history', allowed: ['admin'], url: '/api/admin/reference/history?kind=queue&code=general' },
  { method: 'GET', path: '/api/admin/reference.csv', allowed: ['admin'], url: '/api/admin/reference.csv?kind=queue' },
  { method: 'POST', path: '/api/admin/reference/import', allowed: ['admin'], body: {} },
  { method: 'GET', path: '/api/admin/routing/preview', allowed: ['admin'], url: '/api/admin/routing/preview?category=heating.fee' },
  // An unknown call: past the door, the agent or lead is told there is no such call (404).
  {
    method: 'POST',
    path: '/api/calls/{callId}/wrapup',
    allowed: ['agent', 'lead'],
    url: '/api/calls/no-such-call/wrapup',
    body: { code: 'ticket' },
  },
  { method: 'GET', path: '/api/calls/figures', allowed: ['lead', 'admin'] },
  { method: 'GET', path: '/api/admin/cti-switches', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/cti-switches', allowed: ['admin'], body: {} },
  { method: 'GET', path: '/api/admin/open311-keys', allowed: ['admin'] },
  { method: 'POST', path: '/api/admin/open311-keys', allowed: ['admin'], body: {} },
  { method: 'POST', path: '/api/admin/open311-keys/{id}/revoke', allowed: ['admin'], url: `/api/admin/open311-keys/${anyId}/revoke` },
  { method: 'GET', path: '/api/units/tickets', allowed: ['unit'] },
  ...(['accept', 'progress', 'feedback', 'return', 'extension'] as const).map((action): Row => ({
    method: 'POST',
    path: `/api/units/tickets/{id}/${action}`,
    allowed: ['unit'],
    url: `/api/units/tickets/${anyId}/${action}`,
    body: {},
  })),
  // The switch authenticates by the token in its URL, not by a session: no session opens it.
  {
    method: 'POST',
    path: '/api/cti/{token}',
    allowed: [],
    url: `/api/cti/${'x'.repeat(43)}`,
    body: { event: 'newCall', from: '1', to: '2', direction: 'in', callId: 'c' },
  },
  { method: 'GET', path: '/metrics', allowed: 'public' },
  // The socket's door is its first message (a session token), not the upgrade request.
  { method: 'GET', path: '/api/live', allowed: 'public' },
  // Open311 is public; filing a request needs an API key, not a session.
  ...(['json', 'xml'] as const).flatMap((format): Row[] => [
    { method: 'GET', path: `/open311/discovery.${format}`, allowed: 'public' },
    { method: 'GET', path: `/open311/v2/services.${format}`, allowed: 'public' },
    { method: 'GET', path: `/open311/v2/requests.${format}`, allowed: 'public' },
    { method: 'POST', path: `/open311/v2/requests.${format}`, allowed: 'public', body: {} },
  ]),
  { method: 'GET', path: '/open311/v2/services/{file}', allowed: 'public', url: '/open311/v2/services/water.outage.json' },
  { method: 'GET', path: '/open311/v2/requests/{file}', allowed: 'public', url: '/open311/v2/requests/1.json' },
  { method: 'GET', path: '/open311/v2/tokens/{file}', allowed: 'public', url: `/open311/v2/tokens/${anyId}.json` },
];

describe.each(engines)('authorization matrix on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());
  const freshSession = async (username: string) =>
    (
      (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } })).json() as {
        token: string;
      }
    ).token;

  it('covers every documented route', async () => {
    const doc = (await server.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(matrix.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented.sort());
  });

  for (const row of matrix) {
    it(`${row.method} ${row.path}: ${row.allowed === 'public' ? 'public' : row.allowed.length === 0 ? 'no session opens it' : `only ${row.allowed.join(', ')}`}`, async () => {
      const call = (headers: Record<string, string>) =>
        server.app.inject({
          method: row.method,
          url: row.url ?? row.path,
          headers,
          ...(row.body === undefined ? {} : { payload: row.body as object }),
        });
      const anonymous = await call({});
      // A public route may still say 401 about what was sent (a wrong password), never 403.
      if (row.allowed === 'public') expect(anonymous.statusCode).not.toBe(403);
      else expect(anonymous.statusCode, 'without a session').toBe(401);
      for (const role of Object.keys(users) as Role[]) {
        const token = row.endsSession ? await freshSession(users[role]) : await server.token(users[role]);
        const response = await call(bearer(token));
        const mayPass = row.allowed === 'public' || row.allowed.includes(role);
        if (row.allowed === 'public') expect(response.statusCode, `${role}: ${response.body}`).not.toBe(403);
        else if (mayPass) expect([401, 403], `${role}: ${response.body}`).not.toContain(response.statusCode);
        else expect(response.statusCode, `${role}: ${response.body}`).toBe(row.path.startsWith('/api/cti/') ? 401 : 403);
      }
    });
  }
});
