import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

const schemaDir = path.join(import.meta.dirname, 'open311-schemas');
// strictRequired off: the POST answer requires one of two properties, declared beside the anyOf.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.json')))
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')) as object);
const schema = (name: string): ValidateFunction => ajv.getSchema(`${name}.json`)!;

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(engines)('every Open311 JSON answer conforms to the GeoReport v2 schemas, on %s', (engine) => {
  let server: TestServer;
  let apiKey: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    apiKey = (
      (
        await server.app.inject({
          method: 'POST',
          url: '/api/admin/open311-keys',
          headers: bearer(await server.token('admin')),
          payload: { name: 'city-app' },
        })
      ).json() as { apiKey: string }
    ).apiKey;
  });
  afterAll(() => server.close());
  const get = (url: string) => server.app.inject({ url });
  const post = (fields: Record<string, string>) => server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(fields) });

  /** Checks one answer, naming every way it fails the schema. */
  const conforms = (name: string, label: string, body: unknown) => {
    const validate = schema(name);
    const valid = validate(body);
    expect(valid ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`), `${label} against ${name}.json`).toEqual([]);
  };

  it('discovery, services and service definitions', async () => {
    conforms('discovery', 'discovery', (await get('/open311/discovery.json')).json());
    const services = (await get('/open311/v2/services.json')).json() as { service_code: string; metadata: boolean }[];
    conforms('services', 'services', services);
    const withAttributes = services.filter((s) => s.metadata).map((s) => s.service_code);
    expect(withAttributes.length).toBeGreaterThan(0);
    for (const code of [...withAttributes.slice(0, 12), services.find((s) => !s.metadata)!.service_code])
      conforms('service-definition', code, (await get(`/open311/v2/services/${code}.json`)).json());
  });

  it('requests filed through Open311 and published tickets, in a list and one by one, with the POST answers and tokens', async () => {
    const filed = [
      await post({
        api_key: apiKey,
        service_code: 'heating.temperature',
        lat: '39.8836',
        long: '116.4611',
        description: '暖气不热',
        'attribute[ROOM_TEMP]': '15',
        media_url: 'https://example.org/p.jpg',
      }),
      await post({ api_key: apiKey, service_code: 'water.outage', address_string: '劲松三区', 'attribute[SCOPE]': 'building' }),
      await post({ api_key: apiKey, service_code: 'power.outage', address_id: 'B-17', lat: '', long: '', 'attribute[SCOPE]': 'home' }),
    ];
    for (const answer of filed) conforms('post-response', 'POST requests', answer.json());
    conforms('requests', 'GET requests (filed through Open311)', (await get('/open311/v2/requests.json')).json());
    const created = eventsBy('agent1').created({ category: 'sanitation.garbage' });
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [created] },
    });
    const published = await server.app.inject({
      method: 'POST',
      url: `/api/tickets/${created.ticketId}/publish`,
      headers: bearer(await server.token('lead1')),
      payload: { summary: '劲松街道某小区楼道垃圾无人清理' },
    });
    expect(published.statusCode, published.body).toBe(200);

    const list = (await get('/open311/v2/requests.json')).json() as { service_request_id: string }[];
    expect(list).toHaveLength(4);
    conforms('requests', 'GET requests', list);
    for (const { service_request_id: id } of list) {
      const one = (await get(`/open311/v2/requests/${id}.json`)).json() as unknown[];
      expect(one).toHaveLength(1);
      conforms('requests', `GET requests/${id}`, one);
    }
    const [token] = await server.db.query<{ id: string }>(
      `SELECT p.ticket_id AS id FROM open311_public p WHERE p.source = 'open311' LIMIT 1`,
    );
    conforms('tokens', 'GET tokens', (await get(`/open311/v2/tokens/${token!.id}.json`)).json());
  });

  it('errors', async () => {
    const answers = [
      await get('/open311/v2/requests/1.json'),
      await get('/open311/v2/services/no.such.json'),
      await get('/open311/v2/requests.json?start_date=yesterday'),
      await get('/open311/v2/requests.json?service_code=%00'),
      await get('/open311/v2/tokens/nope.json'),
      await get('/open311/v2/nothing.json'),
      await post({ api_key: 'x'.repeat(43), service_code: 'heating.temperature', address_string: 'x' }),
      await post({ api_key: apiKey, service_code: 'gas.leak', address_string: 'x' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 400, 400, 404, 404, 403, 400]);
    for (const answer of answers) conforms('errors', `${answer.statusCode} ${answer.body}`, answer.json());
  });
});
