import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { bearer, engines, freshDatabase, startTestServer, testConfig, type TestServer } from './test-server';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
/** Parses as a conforming XML 1.0 parser must: null when the document is well-formed, else why not. */
function xmlError(xml: string): string | null {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

describe.each(engines)('Open311 input and output hygiene on %s', (engine) => {
  let server: TestServer;
  let apiKey: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/open311-keys',
      headers: bearer(await server.token('admin')),
      payload: { name: 'city-app' },
    });
    apiKey = (issued.json() as { apiKey: string }).apiKey;
  });
  afterAll(() => server.close());
  const get = (url: string) => server.app.inject({ url });
  const post = (fields: Record<string, string>) => server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(fields) });
  const heating = { service_code: 'heating.temperature', address_string: '朝阳区劲松三区112号楼', description: '暖气不热' };

  it('answers poison in paths, queries and forms with a 400 or 404 in the GeoReport shape, changing nothing', async () => {
    const before = await server.db.query(`SELECT count(*)::int AS n FROM tickets`);
    const json = (payload: object) => server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload });
    const cases: [string, () => ReturnType<typeof get>][] = [
      ['NUL in service_code', () => get('/open311/v2/requests.json?service_code=%00')],
      ['NUL in service_request_id', () => get('/open311/v2/requests.json?service_request_id=%00')],
      ['NUL as the request id', () => get('/open311/v2/requests/%00.json')],
      ['NUL in a request id, XML', () => get('/open311/v2/requests/1%002.xml')],
      ['NUL as a service code', () => get('/open311/v2/services/%00.json')],
      ['NUL as a token', () => get('/open311/v2/tokens/%00.json')],
      ['year 0000', () => get('/open311/v2/requests.json?start_date=0000-01-01')],
      ['a window in year 0000', () => get('/open311/v2/requests.xml?start_date=0000-01-01&end_date=0000-02-01')],
      ['year 9999', () => get('/open311/v2/requests.json?start_date=9999-10-01&end_date=9999-12-31')],
      ['a surrogate half as the id', () => get('/open311/v2/requests/%ED%A0%80.json')],
      ['U+FFFE in a query', () => get('/open311/v2/requests.json?status=%EF%BF%BE')],
      ['NUL in a form', () => post({ api_key: apiKey, ...heating, service_code: 'heating.temperature\u0000' })],
      ['U+FFFF in a description', () => post({ api_key: apiKey, ...heating, description: '暖气\uFFFF不热' })],
      ['a lone surrogate in JSON', () => json({ api_key: apiKey, ...heating, description: '暖气\uD800不热' })],
      ['a lone surrogate in a field name', () => json({ api_key: apiKey, ...heating, 'attribute[\uDC00]': '1' })],
      ['a control character in an attribute', () => post({ api_key: apiKey, ...heating, 'attribute[ROOM_TEMP]': '1\u0007' })],
    ];
    for (const [name, run] of cases) {
      const response = await run();
      expect([400, 404], `${name}: ${response.statusCode} ${response.body}`).toContain(response.statusCode);
      if (response.headers['content-type']?.toString().startsWith('text/xml')) {
        expect(response.body, name).toMatch(
          new RegExp(
            `^<\\?xml version="1.0" encoding="utf-8"\\?><errors><error><code>${response.statusCode}</code><description>[^<]+</description></error></errors>$`,
          ),
        );
      } else {
        expect(response.json(), name).toEqual([{ code: response.statusCode, description: expect.any(String) }]);
      }
    }
    // Encoded as UTF-8, a surrogate half is not UTF-8 at all: it arrives as U+FFFD, a service no one offers.
    const replaced = await get('/open311/v2/requests.json?service_code=%ED%A0%80');
    expect([replaced.statusCode, replaced.json()]).toEqual([200, []]);
    expect(await server.db.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual(before);
  });

  it('keeps an empty lat and long out (never 0, 0) and refuses one that is not a number', async () => {
    const filed = await post({ api_key: apiKey, ...heating, lat: '', long: '' });
    expect(filed.statusCode, filed.body).toBe(200);
    const [{ service_request_id: id }] = filed.json() as [{ service_request_id: string }];
    const [ticket] = await server.db.query<{ state: { fields: Record<string, unknown> } }>(
      `SELECT state FROM tickets WHERE official_no = $1`,
      [id],
    );
    expect(ticket!.state.fields).not.toHaveProperty('latitude');
    expect(ticket!.state.fields).not.toHaveProperty('longitude');
    expect((await get(`/open311/v2/requests/${id}.json`)).json()).toMatchObject([{ lat: null, long: null }]);
    const refused: [Record<string, string>, string][] = [
      [{ service_code: 'heating.temperature', lat: '', long: '' }, 'a location is required: lat and long, address_string or address_id'],
      [{ service_code: 'heating.temperature', lat: ' ', long: '116.4' }, 'lat and long are given together'],
      [{ ...heating, lat: '0x10', long: '116.4' }, 'lat: must be a decimal number of degrees'],
      [{ ...heating, lat: '39.9', long: 'Infinity' }, 'long: must be a decimal number of degrees'],
      [{ ...heating, lat: '91', long: '116.4' }, 'lat: Too big: expected number to be <=90'],
    ];
    for (const [fields, description] of refused) {
      const response = await post({ api_key: apiKey, ...fields });
      expect(response.statusCode, description).toBe(400);
      expect(response.json()).toEqual([{ code: 400, description }]);
    }
  });

  it('writes well-formed XML whatever characters a stored value holds', async () => {
    const filed = await post({ api_key: apiKey, ...heating });
    const [{ service_request_id: id }] = filed.json() as [{ service_request_id: string }];
    // Reference data an administrator typed, and what a request was filed with before input was checked.
    await server.db.query(
      `UPDATE reference_items SET body = jsonb_set(body, '{zh}', to_jsonb($1::text)) WHERE kind = 'category' AND code = 'heating.temperature'`,
      ['供暖\uFFFF温度\uFFFE'],
    );
    for (const url of ['/open311/v2/services.xml', '/open311/v2/requests.xml']) {
      const response = await get(url);
      expect(response.body, url).toContain('<service_name>供暖温度 ');
      expect(xmlError(response.body), url).toBeNull();
    }
    await server.db.query(
      `UPDATE open311_public SET description = $1, address = $2 FROM tickets t WHERE t.id = ticket_id AND t.official_no = $3`,
      ['暖气\uFFFE不热\uFFFF，\u0001水\u001F管 & <漏>', '劲松\u000B三区', id],
    );
    for (const url of [
      '/open311/v2/requests.xml',
      `/open311/v2/requests/${id}.xml`,
      '/open311/v2/services.xml',
      '/open311/v2/services/water.outage.xml',
      '/open311/discovery.xml',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(xmlError(response.body), url).toBeNull();
    }
    expect((await get(`/open311/v2/requests/${id}.xml`)).body).toContain('<description>暖气不热，水管 &amp; &lt;漏&gt;</description>');
  });
});

describe.each(engines)('Open311 read rate limit on %s', (engine) => {
  it('answers a client address past its allowance with 429 in the GeoReport shape, and others still get through', async () => {
    const { db } = await freshDatabase(engine);
    const app = await buildServer({ db, config: testConfig({ OPEN311_READS_PER_MINUTE: '3' }), logger: false });
    try {
      const from = (remoteAddress: string, url = '/open311/v2/requests.json') => app.inject({ url, remoteAddress });
      for (let i = 0; i < 3; i++) expect((await from('203.0.113.7')).statusCode).toBe(200);
      const limited = await from('203.0.113.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual([
        { code: 429, description: expect.stringMatching(/^too many requests from this address; try again in \d+ s$/) },
      ]);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const xml = await from('203.0.113.7', '/open311/v2/services.xml');
      expect(xml.statusCode).toBe(429);
      expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>429<\/code>/);
      expect((await from('198.51.100.1')).statusCode).toBe(200);
      // The workstations' API is not counted against it.
      expect((await app.inject({ url: '/healthz', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
