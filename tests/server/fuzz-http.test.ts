import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/server/seed/random';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

/**
 * Malformed input at every write route and the parameterised reads, as every role: wrong types,
 * huge strings, deep nesting, SQL and HTML in text, invalid UTF-8, broken JSON and forms. Nothing
 * may crash the server, answer 5xx, or write anything (reads may add audit rows; nothing else).
 */
const routes: { method: 'GET' | 'POST'; url: string }[] = [
  { method: 'POST', url: '/api/auth/login' },
  { method: 'POST', url: '/api/sync/push' },
  { method: 'GET', url: '/api/sync/pull' },
  { method: 'GET', url: '/api/sync/bootstrap' },
  { method: 'POST', url: '/api/sync/tickets' },
  { method: 'GET', url: '/api/sync/caller-index' },
  { method: 'GET', url: '/api/reference' },
  { method: 'GET', url: '/api/tickets' },
  { method: 'POST', url: '/api/admin/users' },
  { method: 'POST', url: '/api/admin/cti-switches' },
  { method: 'POST', url: '/api/admin/open311-keys' },
  { method: 'POST', url: '/api/units/tickets/01a2272f-0c14-77d4-8a8f-166ac114eebc/progress' },
  { method: 'POST', url: '/api/cti/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  { method: 'POST', url: '/open311/v2/requests.json' },
  { method: 'GET', url: '/open311/v2/requests.xml' },
];

function junk(random: ReturnType<typeof seededRandom>, depth = 0): unknown {
  const pick = random.int(0, 11);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random.int(-1e9, 1e9) * (random.chance(0.5) ? 1 : 1.5);
    case 2:
      return random.chance(0.5);
    case 3:
      return "'; DROP TABLE tickets; --";
    case 4:
      return '<script>alert(1)</script><img src=x onerror=alert(1)>';
    case 5:
      return '长'.repeat(random.int(1, 20_000));
    case 6:
      return '\uD800\uDFFF\u0000\uFFFE';
    case 7:
      return depth > 40 ? [] : [junk(random, depth + 1)];
    case 8:
      return depth > 40
        ? {}
        : {
            [random.pick(['events', 'username', 'password', 'ids', 'name', 'event', 'note', '__proto__', 'constructor'])]: junk(
              random,
              depth + 1,
            ),
          };
    case 9:
      return depth > 0 ? [] : { events: Array.from({ length: random.int(0, 300) }, () => junk(random, depth + 1)) };
    case 10:
      return Number.NaN;
    default:
      return 'x'.repeat(random.int(0, 300));
  }
}

function deeplyNested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe.each(engines)('HTTP fuzz on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());
  const counts = async () =>
    (
      await server.db.query<{ events: number; tickets: number; users: number; calls: number; keys: number; switches: number }>(
        `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM calls) AS calls, (SELECT count(*)::int FROM open311_keys) AS keys, (SELECT count(*)::int FROM cti_switches) AS switches`,
      )
    )[0];

  it('answers thousands of malformed requests without a 5xx or a write', async () => {
    const random = seededRandom(2026);
    const before = await counts();
    const tokens = [null, await server.token('agent1'), await server.token('unit.jinsong'), await server.token('admin')];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (let round = 0; round < 2000; round++) {
      const route = random.pick(routes);
      const token = random.pick(tokens);
      const headers: Record<string, string> = token ? bearer(token) : {};
      const kind = random.int(0, 5);
      let payload: string | Buffer | undefined;
      let query = '';
      if (route.method === 'GET') {
        query = `?${new URLSearchParams({ after: String(junk(random)), since: String(junk(random)).slice(0, 500), limit: String(junk(random)).slice(0, 50), status: String(junk(random)).slice(0, 50) })}`;
      } else if (kind === 0) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(junk(random));
      } else if (kind === 1) {
        headers['content-type'] = 'application/json';
        payload = random.chance(0.5) ? '{"events": [' : deeplyNested(random.int(100, 5000));
      } else if (kind === 2) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = `api_key=${encodeURIComponent(String(junk(random)).slice(0, 200))}&service_code=${encodeURIComponent(String(junk(random)).slice(0, 100))}&attribute[x]=%ZZ&description=${'%E4'.repeat(random.int(1, 50))}`;
      } else if (kind === 3) {
        headers['content-type'] = 'application/json';
        payload = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]); // {"a":"<invalid UTF-8>"}
      } else if (kind === 4) {
        headers['content-type'] = random.pick(['text/plain', 'application/xml', 'multipart/form-data']);
        payload = 'garbage';
      } else {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify({
          event: junk(random),
          from: junk(random),
          to: junk(random),
          direction: junk(random),
          callId: junk(random),
          events: [junk(random)],
        });
      }
      const response = await server.app.inject({
        method: route.method,
        url: `${route.url}${query}`,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      sent++;
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    }
    console.log(
      `[fuzz] ${sent} malformed requests: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
    expect(await counts()).toEqual(before);
  });
});
