import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, pushAs, startTestServer, type TestServer } from './test-server';

describe.each(engines)('phone numbers on the server on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const phonesOf = async (ticketId: string) =>
    (
      await server.db.query<{ caller_phone: string; caller_phone_key: string | null }>(
        `SELECT caller_phone, caller_phone_key FROM tickets WHERE id = $1`,
        [ticketId],
      )
    )[0];

  it('keeps the number as typed for display and stores its key beside it, for every way the intake accepts', async () => {
    const agent = eventsBy('agent1');
    const written = {
      '+86 133 2394 3107': '13323943107',
      '0086-133-2394-3107': '13323943107',
      '１３３ ２３９４ ３１０７': '13323943107',
      '010-8303 2336': '01083032336',
      '+86 10 8303 2336': '01083032336',
      '8303 2336': '01083032336',
    };
    const events = Object.keys(written).map((callerPhone) => agent.created({ callerPhone }));
    const { body } = await pushAs(server, events);
    expect(body.results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
    for (const [i, [typed, key]] of Object.entries(written).entries())
      expect(await phonesOf(events[i]!.ticketId)).toEqual({ caller_phone: typed, caller_phone_key: key });
  });

  it('refuses a number the numbering plan does not have, saying what to type, and stores nothing of it', async () => {
    const agent = eventsBy('agent1');
    const events = ['1332394310', '010-8303 233', '+1 415 555 0100'].map((callerPhone) => agent.created({ callerPhone }));
    const good = agent.created({ callerPhone: '13323943107' });
    const { status, body } = await pushAs(server, [...events, good]);
    expect(status).toBe(200);
    expect(body.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'accepted']);
    expect(body.results[0]).toMatchObject({
      refusal: { code: 'malformed', params: { path: 'payload.fields.callerPhone', detail: expect.stringContaining('11 digits') } },
    });
    for (const event of events) expect(await phonesOf(event.ticketId)).toBeUndefined();
  });

  it('files an Open311 request with a full-width or +86 number, and answers a wrong one with a 400 that says what to type', async () => {
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/open311-keys',
      headers: bearer(await server.token('admin')),
      payload: { name: 'phone-app' },
    });
    const apiKey = (issued.json() as { apiKey: string }).apiKey;
    const post = (phone: string) =>
      server.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: apiKey,
          service_code: 'water.outage',
          address_string: '劲松三区 112 号楼',
          description: '整栋楼停水',
          'attribute[SCOPE]': 'building',
          phone,
        }).toString(),
      });
    const before = (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0]!.n;
    const refused = await post('1332394310');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('11 digits');
    expect((await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets`))[0]!.n).toBe(before);

    const filed = await post('＋８６ １３３ ２３９４ ３１０７');
    expect(filed.statusCode, filed.body).toBe(200);
    const keys = await server.db.query<{ caller_phone_key: string }>(
      `SELECT caller_phone_key FROM tickets WHERE caller_phone = '＋８６ １３３ ２３９４ ３１０７'`,
    );
    expect(keys).toEqual([{ caller_phone_key: '13323943107' }]);
  });
});
