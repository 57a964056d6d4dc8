import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoned } from '../../src/server/open311/public-requests';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(engines)('Open311 GeoReport v2 on %s', (engine) => {
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
    expect(issued.statusCode).toBe(201);
    apiKey = (issued.json() as { apiKey: string }).apiKey;
  });
  afterAll(() => server.close());
  const get = (url: string) => server.app.inject({ url });
  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    server.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, ...form(fields) });
  const heating = {
    service_code: 'heating.temperature',
    address_string: '朝阳区劲松三区112号楼',
    description: '暖气不热 <b>急</b>',
    'attribute[ROOM_TEMP]': '15',
  };

  it('discovers the endpoint in JSON and XML', async () => {
    const json = await get('/open311/discovery.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json()).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/\/open311\/v2$/),
          formats: ['application/json', 'text/xml'],
        },
      ],
    });
    const xml = await get('/open311/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><discovery><changeset>.*<endpoints><endpoint><specification>http:\/\/wiki.open311.org\/GeoReport_v2<\/specification>.*<formats><format>application\/json<\/format><format>text\/xml<\/format><\/formats>/,
    );
  });

  it('lists services with groups and keywords, and defines their attributes', async () => {
    const services = (await get('/open311/v2/services.json')).json() as {
      service_code: string;
      group: string;
      keywords: string;
      metadata: boolean;
    }[];
    expect(services).toHaveLength(84);
    expect(services.find((s) => s.service_code === 'heating.temperature')).toMatchObject({
      group: '供暖 Heating',
      metadata: true,
      keywords: expect.stringContaining('暖气不热'),
    });
    expect((await get('/open311/v2/services.xml')).body).toContain('<service><service_code>civil.documents</service_code>');
    expect((await get('/open311/v2/services/water.outage.json')).json()).toMatchObject({
      service_code: 'water.outage',
      attributes: [
        { code: 'SCOPE', datatype: 'singlevaluelist', required: true, values: [{ key: 'home' }, { key: 'building' }, { key: 'area' }] },
      ],
    });
    expect((await get('/open311/v2/services/heating.temperature.xml')).body).toContain(
      '<attributes><attribute><variable>true</variable><code>ROOM_TEMP</code><datatype>number</datatype>',
    );
    const unknown = await get('/open311/v2/services/no.such.json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: 'service_code no.such was not found' }]);
  });

  it('files a request that becomes a ticket, and reads it back in both formats with its deadline', async () => {
    const filed = await post('json', {
      api_key: apiKey,
      ...heating,
      lat: '39.8836',
      long: '116.4611',
      first_name: '敏',
      last_name: '王',
      phone: '13911112222',
      media_url: 'https://example.org/p.jpg',
    });
    expect(filed.statusCode).toBe(200);
    const [{ service_request_id: id }] = filed.json() as [{ service_request_id: string }];
    expect(id).toMatch(/^\d{13,}$/);
    const [ticket] = await server.db.query<{ state: { fields: Record<string, unknown>; provisionalNo: string } }>(
      `SELECT state FROM tickets WHERE official_no = $1`,
      [id],
    );
    expect(ticket!.state.fields).toMatchObject({
      channel: 'open311',
      category: 'heating.temperature',
      callerName: '王敏',
      latitude: 39.8836,
      longitude: 116.4611,
      description: '暖气不热 <b>急</b>\n室温（℃） Room temperature (°C): 15',
    });

    const [request] = (await get(`/open311/v2/requests/${id}.json`)).json() as [Record<string, string>];
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'heating.temperature',
      lat: 39.8836,
      media_url: 'https://example.org/p.jpg',
      agency_responsible: '',
    });
    expect(request.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // Heating is a utility: dispatch within 2 hours.
    expect(Date.parse(request.expected_datetime!) - Date.parse(request.requested_datetime!)).toBe(2 * 3600_000);
    const xml = (await get(`/open311/v2/requests/${id}.xml`)).body;
    expect(xml).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(xml).toContain('<description>暖气不热 &lt;b&gt;急&lt;/b&gt;');

    const viaXml = await post('xml', {
      api_key: apiKey,
      service_code: 'water.outage',
      lat: '39.9',
      long: '116.4',
      'attribute[SCOPE]': 'building',
    });
    expect(viaXml.body).toMatch(/<service_requests><request><service_request_id>\d{13,}<\/service_request_id><service_notice>/);
    const tokenId = (await server.db.query<{ id: string }>(`SELECT id FROM tickets WHERE official_no = $1`, [id]))[0]!.id;
    expect((await get(`/open311/v2/tokens/${tokenId}.json`)).json()).toEqual([{ service_request_id: id, token: tokenId }]);
    expect((await get(`/open311/v2/tokens/${tokenId}.xml`)).body).toBe(
      `<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>${id}</service_request_id><token>${tokenId}</token></request></service_requests>`,
    );
    expect((await get('/open311/v2/tokens/nope.xml')).body).toContain('<errors><error><code>404</code>');
  });

  it('filters requests by id, service, status and a window of at most 90 days', async () => {
    await post('json', { api_key: apiKey, service_code: 'power.outage', address_id: 'B-17', 'attribute[SCOPE]': 'home' });
    const all = (await get('/open311/v2/requests.json')).json() as { service_request_id: string; service_code: string; status: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const power = (await get('/open311/v2/requests.json?service_code=power.outage&status=open')).json() as { service_code: string }[];
    expect(power.map((r) => r.service_code)).toEqual(['power.outage']);
    const two = all.slice(0, 2).map((r) => r.service_request_id);
    expect(
      ((await get(`/open311/v2/requests.json?service_request_id=${two.join(',')}&service_code=nothing`)).json() as unknown[]).length,
    ).toBe(2);
    expect((await get('/open311/v2/requests.json?status=closed')).json()).toEqual([]);
    const old = (await get('/open311/v2/requests.xml?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).body;
    expect(old).toBe('<?xml version="1.0" encoding="utf-8"?><service_requests></service_requests>');
  });

  it('answers the spec error cases in the spec error format, changing nothing', async () => {
    const before = await server.db.query(`SELECT count(*)::int AS n FROM tickets`);
    const cases: [string, () => ReturnType<typeof get>, number, string][] = [
      ['missing api_key', () => post('json', heating), 400, 'api_key is required'],
      ['bad api_key', () => post('json', { ...heating, api_key: 'x'.repeat(43) }), 403, 'api_key is not valid'],
      [
        'unknown service',
        () => post('json', { ...heating, api_key: apiKey, service_code: 'no.such' }),
        404,
        'service_code no.such was not found',
      ],
      ['no service', () => post('json', { api_key: apiKey, address_string: 'x' }), 400, 'service_code is required'],
      [
        'missing location',
        () => post('json', { api_key: apiKey, service_code: 'heating.temperature' }),
        400,
        'a location is required: lat and long, address_string or address_id',
      ],
      ['lat without long', () => post('json', { ...heating, api_key: apiKey, lat: '39.9' }), 400, 'lat and long are given together'],
      [
        'required attribute',
        () => post('json', { api_key: apiKey, service_code: 'gas.leak', address_string: 'x' }),
        400,
        'attribute[SCOPE] is required for gas.leak',
      ],
      [
        'long description',
        () => post('json', { ...heating, api_key: apiKey, description: '长'.repeat(4001) }),
        400,
        'description: description is longer than 4,000 characters',
      ],
      [
        'bad date',
        () => get('/open311/v2/requests.json?start_date=yesterday'),
        400,
        'start_date must be an ISO 8601 date or time, e.g. 2026-11-01T00:00:00+08:00',
      ],
      [
        'window too wide',
        () => get('/open311/v2/requests.json?start_date=2026-01-01&end_date=2026-06-01'),
        400,
        'start_date and end_date may be at most 90 days apart',
      ],
      [
        'backwards window',
        () => get('/open311/v2/requests.json?start_date=2026-06-01&end_date=2026-05-01'),
        400,
        'start_date must be before end_date',
      ],
      ['bad status', () => get('/open311/v2/requests.json?status=pending'), 400, 'status must be open or closed'],
      ['unknown request', () => get('/open311/v2/requests/123.json'), 404, 'service_request_id 123 was not found'],
      ['no format', () => get('/open311/v2/requests/123'), 404, 'add .json or .xml to the resource name'],
      ['no form at all', () => server.app.inject({ method: 'POST', url: '/open311/v2/requests.json' }), 400, 'api_key is required'],
      ['a page given twice', () => get('/open311/v2/requests.json?page=1&page=2'), 400, 'page must be a whole number from 1 to 100000'],
      [
        'two bad filters',
        () => get('/open311/v2/requests.json?status=new&page_size=0'),
        400,
        'status must be open or closed; page_size must be a whole number from 1 to 100',
      ],
    ];
    for (const [name, run, status, description] of cases) {
      const response = await run();
      expect(response.statusCode, name).toBe(status);
      expect(response.json(), name).toEqual([{ code: status, description }]);
    }
    const xml = await post('xml', { ...heating, api_key: 'x'.repeat(43) });
    expect(xml.statusCode).toBe(403);
    expect(xml.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>403</code><description>api_key is not valid</description></error></errors>',
    );
    expect(await server.db.query(`SELECT count(*)::int AS n FROM tickets`)).toEqual(before);
  });

  it('lets only admins manage keys, and a revoked key stops working', async () => {
    expect(
      (
        await server.app.inject({
          method: 'POST',
          url: '/api/admin/open311-keys',
          headers: bearer(await server.token('agent1')),
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const issued = (
      await server.app.inject({
        method: 'POST',
        url: '/api/admin/open311-keys',
        headers: bearer(await server.token('admin')),
        payload: { name: 'dashboard' },
      })
    ).json() as { id: string; apiKey: string };
    expect((await post('json', { ...heating, api_key: issued.apiKey })).statusCode).toBe(200);
    await server.app.inject({
      method: 'POST',
      url: `/api/admin/open311-keys/${issued.id}/revoke`,
      headers: bearer(await server.token('admin')),
    });
    expect((await post('json', { ...heating, api_key: issued.apiKey })).statusCode).toBe(403);
  });
});

describe('zoned times', () => {
  it('carry the centre zone offset', () => {
    expect(zoned('2026-11-29T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-30T00:30:00+08:00');
    expect(zoned('2026-07-04T16:30:00.000Z', 'America/New_York')).toBe('2026-07-04T12:30:00-04:00');
  });
});
