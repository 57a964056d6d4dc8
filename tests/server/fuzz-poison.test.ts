import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/server/seed/seed';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

/**
 * Poison in every field of every non-Open311 route, one field at a time inside an otherwise valid
 * request, so it reaches as deep as it can: NUL, lone surrogates, noncharacters and controls in
 * text, years 0000 and 9999 (and beyond) in dates. Nothing may answer 5xx, and nothing is written.
 */
const poisonText = ['\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uFFFE', '\uFFFF', '\u001B[2J', '\u0085'];
const poisonDates = [
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59+14:00',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13T00:00:00.000Z',
];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface RouteSpec {
  method: 'GET' | 'POST';
  /** `{id}` is a path parameter, poisoned like the rest. */
  path: string;
  as: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: () => Json;
  /** Fields any text may go into because they are never stored (a password is only hashed). */
  free?: string[];
  /** Fields that are dates: they get the absurd years too (in a text field a date is fair text). */
  dates?: string[];
}

/** Every string leaf of `value`, by path. */
function leaves(value: Json, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]));
}

function replaced(value: Json, path: string[], by: string): Json {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((item, i) => (String(i) === head ? replaced(item, rest, by) : item));
  const object = value as Record<string, Json>;
  return { ...object, [head]: replaced(object[head]!, rest, by) };
}

/** Percent-encoding that also carries a lone surrogate (as its WTF-8 bytes, which are not UTF-8). */
const urlEncode = (text: string) =>
  [...text]
    .map((c) => {
      const unit = c.charCodeAt(0);
      if (c.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
        return `%${(0xe0 | (unit >> 12)).toString(16)}%${(0x80 | ((unit >> 6) & 0x3f)).toString(16)}%${(0x80 | (unit & 0x3f)).toString(16)}`;
      return encodeURIComponent(c);
    })
    .join('');

describe.each(engines)('poison fuzz on %s', (engine) => {
  let server: TestServer;
  let switchToken = '';
  let ticketId = '';
  beforeAll(async () => {
    server = await startTestServer(engine);
    const admin = bearer(await server.token('admin'));
    switchToken = (
      await server.app.inject({ method: 'POST', url: '/api/admin/cti-switches', headers: admin, payload: { name: 'fuzz switch' } })
    ).json<{ token: string }>().token;
    const agent = eventsBy('agent1');
    const created = agent.created();
    ticketId = created.ticketId;
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: {
        events: [
          created,
          agent.next(created.ticketId, 'dispatched', { unitCodes: ['street:110105017'], leadUnitCode: 'street:110105017' }),
        ],
      },
    });
    // Accepted, so a unit's note, feedback or request for time gets as far as being stored.
    await server.app.inject({
      method: 'POST',
      url: `/api/units/tickets/${ticketId}/accept`,
      headers: bearer(await server.token('unit.jinsong')),
      payload: {},
    });
    for (const username of ['agent1', 'lead1', 'admin', 'unit.jinsong']) await server.token(username);
  });
  afterAll(() => server.close());

  const counts = async () =>
    (
      await server.db.query(
        `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM sessions) AS sessions, (SELECT count(*)::int FROM calls) AS calls, (SELECT count(*)::int FROM open311_keys) AS keys,
        (SELECT count(*)::int FROM cti_switches) AS switches, (SELECT count(*)::int FROM notices) AS notices, (SELECT count(*)::int FROM incidents) AS incidents,
        (SELECT max(value)::int FROM counters) AS counters`,
      )
    )[0];

  const specs = (): RouteSpec[] => {
    const agent = eventsBy('agent1');
    const anId = '01a2272f-0c14-77d4-8a8f-166ac114eebc';
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const now = new Date().toISOString();
    return [
      {
        method: 'POST',
        path: '/api/auth/login',
        as: null,
        body: () => ({ username: 'agent3', password: demoPassword, workstationId: 'fuzz-ws' }),
        free: ['password'],
      },
      {
        method: 'POST',
        path: '/api/sync/push',
        as: 'agent1',
        body: () => ({ events: [agent.created({ category: 'water.outage' }) as unknown as Json] }),
        dates: ['at'],
      },
      {
        method: 'POST',
        path: '/api/sync/push',
        as: 'agent1',
        body: () => ({ events: [agent.next(ticketId, 'note', { text: '补充' }) as unknown as Json] }),
        dates: ['at'],
      },
      {
        method: 'POST',
        path: '/api/sync/push',
        as: 'lead1',
        body: () => ({
          events: [
            eventsBy('lead1').next(ticketId, 'dispatched', {
              unitCodes: ['company:heating'],
              leadUnitCode: 'company:heating',
              note: '改派',
              reassign: true,
              reason: '属供热问题',
            }) as unknown as Json,
          ],
        }),
        dates: ['at'],
      },
      { method: 'GET', path: '/api/sync/pull', as: 'agent1', query: { after: '0', limit: '10' } },
      { method: 'GET', path: '/api/sync/bootstrap', as: 'agent1', query: { since, after: '', head: '0', limit: '10' }, dates: ['since'] },
      { method: 'POST', path: '/api/sync/tickets', as: 'agent1', body: () => ({ ids: [ticketId] }) },
      {
        method: 'GET',
        path: '/api/sync/caller-index',
        as: 'agent1',
        query: { since, until: now, after: '', limit: '10' },
        dates: ['since', 'until'],
      },
      { method: 'GET', path: '/api/reference', as: 'agent1', query: { after: '0', limit: '10' } },
      { method: 'GET', path: '/api/tickets', as: 'agent1', query: { status: 'registered', limit: '10' } },
      { method: 'GET', path: '/api/tickets/{id}', as: 'agent1', params: { id: ticketId } },
      { method: 'GET', path: '/api/units/tickets', as: 'unit.jinsong', query: { status: 'dispatched', limit: '10' } },
      {
        method: 'POST',
        path: '/api/units/tickets/{id}/progress',
        as: 'unit.jinsong',
        params: { id: ticketId },
        body: () => ({ note: '已联系' }),
      },
      {
        method: 'POST',
        path: '/api/units/tickets/{id}/feedback',
        as: 'unit.jinsong',
        params: { id: ticketId },
        body: () => ({ summary: '已处理' }),
      },
      {
        method: 'POST',
        path: '/api/units/tickets/{id}/return',
        as: 'unit.jinsong',
        params: { id: ticketId },
        body: () => ({ reason: '非本单位' }),
      },
      {
        method: 'POST',
        path: '/api/units/tickets/{id}/extension',
        as: 'unit.jinsong',
        params: { id: ticketId },
        body: () => ({ hours: 24, reason: '需要时间' }),
      },
      {
        method: 'GET',
        path: '/api/monitor/rates',
        as: 'lead1',
        query: { from: since, to: now, by: 'unit', format: 'json' },
        dates: ['from', 'to'],
      },
      {
        method: 'GET',
        path: '/api/monitor/rates.csv',
        as: 'lead1',
        query: { from: since, to: now, by: 'district' },
        dates: ['from', 'to'],
      },
      { method: 'GET', path: '/api/monitor/ranking', as: 'lead1', query: { month: '2026-11' } },
      { method: 'GET', path: '/api/monitor/ranking.csv', as: 'lead1', query: { month: '2026-11' } },
      { method: 'POST', path: '/api/monitor/notices', as: 'lead1', body: () => ({ text: '系统维护' }) },
      { method: 'POST', path: '/api/monitor/incidents', as: 'lead1', body: () => ({ title: '爆管', ticketIds: [ticketId] }) },
      {
        method: 'POST',
        path: '/api/admin/users',
        as: 'admin',
        body: () => ({
          username: 'fuzz.user',
          displayName: '测试',
          role: 'unit',
          unitCode: 'street:110105017',
          password: 'long enough password',
        }),
        free: ['password'],
      },
      { method: 'POST', path: '/api/admin/users/{id}/revoke-sessions', as: 'admin', params: { id: anId } },
      { method: 'GET', path: '/api/admin/tickets/{id}/audit', as: 'admin', params: { id: ticketId } },
      { method: 'POST', path: '/api/admin/cti-switches', as: 'admin', body: () => ({ name: 'fuzz switch' }) },
      { method: 'POST', path: '/api/admin/open311-keys', as: 'admin', body: () => ({ name: 'fuzz client' }) },
      {
        method: 'POST',
        path: '/api/cti/{token}',
        as: null,
        params: { token: switchToken },
        body: () => ({
          event: 'hangup',
          from: '13800138000',
          to: '12345',
          direction: 'in',
          callId: 'fuzz-call',
          user: ['agent1'],
          queue: '投诉',
          answeringNumber: '8001',
          cause: 'busy',
        }),
      },
    ];
  };

  it('answers every route with poison in any one field without a 5xx, and writes nothing', async () => {
    const before = await counts();
    const statuses = new Map<number, number>();
    let sent = 0;
    // Every failure is listed at the end, so one run shows them all.
    const failures: string[] = [];
    const send = async (
      spec: RouteSpec,
      params: Record<string, string>,
      query: Record<string, string>,
      body: Json | undefined,
      what: string,
    ) => {
      const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => urlEncode(params[name]!));
      const search = Object.entries(query)
        .map(([k, v]) => `${k}=${urlEncode(v)}`)
        .join('&');
      const headers: Record<string, string> = {
        ...(spec.as ? bearer(await server.token(spec.as)) : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      };
      const url = search ? `${path}?${search}` : path;
      const response = await server.app.inject({
        method: spec.method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      sent++;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${spec.method} ${spec.path} ${what}`);
      if (
        response.statusCode === 200 &&
        spec.path === '/api/sync/push' &&
        response.json<{ results: { status: string }[] }>().results[0]?.status !== 'rejected'
      ) {
        failures.push(`push ${what} was not rejected`);
      }
    };
    for (const spec of specs()) {
      const poisonsFor = (field: string) => (spec.dates?.includes(field) ? [...poisonText, ...poisonDates] : poisonText);
      const params = spec.params ?? {};
      const query = spec.query ?? {};
      for (const name of Object.keys(params)) {
        for (const poison of poisonsFor(name))
          await send(spec, { ...params, [name]: poison }, query, spec.body?.(), `param ${name}=${JSON.stringify(poison)}`);
      }
      for (const name of Object.keys(query)) {
        for (const poison of poisonsFor(name))
          await send(spec, params, { ...query, [name]: poison }, spec.body?.(), `query ${name}=${JSON.stringify(poison)}`);
      }
      for (const path of spec.body ? leaves(spec.body()) : []) {
        if (spec.free?.includes(path.join('.'))) continue;
        for (const poison of poisonsFor(path.at(-1)!))
          await send(spec, params, query, replaced(spec.body!(), path, poison), `body ${path.join('.')}=${JSON.stringify(poison)}`);
      }
    }
    console.log(
      `[poison fuzz, ${engine}] ${sent} requests: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
