import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations } from '../../src/server/db/migrate';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
/** What a caller told the hotline on the phone: none of it may ever leave through Open311. */
const confidential = {
  callerName: '赵建国',
  callerPhone: '13801234567',
  addressDetail: '劲松三区 114 号楼 3 单元 502',
  description: '邻居李四每晚在楼道里堆放垃圾，我不敢当面说',
};

describe.each(engines)('Open311 publishes only what is public, on %s', (engine) => {
  let server: TestServer;
  let apiKey: string;
  let phoneTicket: { id: string; officialNo: string };
  let filed: { id: string; ticketId: string };
  beforeAll(async () => {
    server = await startTestServer(engine);
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/admin/open311-keys',
      headers: bearer(await server.token('admin')),
      payload: { name: 'city-app' },
    });
    apiKey = (issued.json() as { apiKey: string }).apiKey;
    const created = eventsBy('agent1').created({ ...confidential, category: 'sanitation.garbage', requestType: 'complaint' });
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [created] },
    });
    expect(pushed.statusCode).toBe(200);
    const [row] = await server.db.query<{ official_no: string }>(`SELECT official_no FROM tickets WHERE id = $1`, [created.ticketId]);
    phoneTicket = { id: created.ticketId, officialNo: row!.official_no };
    const posted = await post({
      api_key: apiKey,
      service_code: 'heating.temperature',
      address_string: '朝阳区劲松三区112号楼',
      description: '暖气不热',
      first_name: '敏',
      last_name: '王',
      phone: '13911112222',
      email: 'wang@example.org',
    });
    const [{ service_request_id: id }] = posted.json() as [{ service_request_id: string }];
    const [ticket] = await server.db.query<{ id: string }>(`SELECT id FROM tickets WHERE official_no = $1`, [id]);
    filed = { id, ticketId: ticket!.id };
  });
  afterAll(() => server.close());
  const get = (url: string) => server.app.inject({ url });
  const post = (fields: Record<string, string>) => server.app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(fields) });
  const as = async (username: string, url: string, payload?: object) =>
    server.app.inject({ method: 'POST', url, headers: bearer(await server.token(username)), ...(payload ? { payload } : {}) });
  const leaks = (body: string) =>
    [...Object.values(confidential), '王敏', '13911112222', 'wang@example.org'].filter((secret) => body.includes(secret));

  it('lists and reads only requests filed through Open311, without the submitter’s name, phone or e-mail', async () => {
    for (const format of ['json', 'xml']) {
      const listed = await get(`/open311/v2/requests.${format}`);
      expect(listed.statusCode).toBe(200);
      expect(listed.body).toContain(filed.id);
      expect(listed.body).not.toContain(phoneTicket.officialNo);
      expect(leaks(listed.body), format).toEqual([]);
      const one = await get(`/open311/v2/requests/${filed.id}.${format}`);
      expect(one.body).toContain('暖气不热');
      expect(leaks(one.body), format).toEqual([]);
    }
    expect((await get(`/open311/v2/requests/${filed.id}.json`)).json()).toMatchObject([
      { service_request_id: filed.id, address: '朝阳区劲松三区112号楼', lat: null, long: null },
    ]);
  });

  it('answers a private ticket’s number exactly as a number never given, and gives out no token for it', async () => {
    const never = String(BigInt(phoneTicket.officialNo) + 9_000_000n);
    for (const format of ['json', 'xml']) {
      const privateOne = await get(`/open311/v2/requests/${phoneTicket.officialNo}.${format}`);
      const missing = await get(`/open311/v2/requests/${never}.${format}`);
      expect([privateOne.statusCode, missing.statusCode]).toEqual([404, 404]);
      expect(privateOne.body.replace(phoneTicket.officialNo, 'N')).toBe(missing.body.replace(never, 'N'));
      expect((await get(`/open311/v2/requests.${format}?service_request_id=${phoneTicket.officialNo}`)).body).not.toContain(
        phoneTicket.officialNo,
      );
    }
    expect((await get(`/open311/v2/tokens/${phoneTicket.id}.json`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/tokens/${filed.ticketId}.json`)).json()).toEqual([
      { service_request_id: filed.id, token: filed.ticketId },
    ]);
  });

  it('keeps showing what the submitter posted after the hotline edits the ticket', async () => {
    const agent = eventsBy('agent1');
    const [row] = await server.db.query<{ last_seq: string }>(`SELECT last_seq FROM tickets WHERE id = $1`, [filed.ticketId]);
    const edit = agent.next(filed.ticketId, 'updated', {
      changes: {
        description: `回电核实：${confidential.callerName} ${confidential.callerPhone}`,
        addressDetail: confidential.addressDetail,
      },
      baseSeq: Number(row!.last_seq),
    });
    const pushed = await as('agent1', '/api/sync/push', { events: [edit] });
    expect((pushed.json() as { results: { status: string }[] }).results[0]!.status).toBe('accepted');
    const one = await get(`/open311/v2/requests/${filed.id}.json`);
    expect(one.json()).toMatchObject([{ description: '暖气不热', address: '朝阳区劲松三区112号楼' }]);
    expect(leaks(one.body)).toEqual([]);
  });

  it('lets a lead publish a hotline ticket with a public summary, showing only that and its district and street, and audits it', async () => {
    const url = `/api/tickets/${phoneTicket.id}/publish`;
    expect((await as('lead1', url, { summary: `${confidential.callerName}反映楼道堆放垃圾` })).statusCode).toBe(400);
    expect((await as('lead1', url, { summary: '楼道垃圾，请联系 139 0123 4567' })).statusCode).toBe(400);
    expect((await as('lead1', url, { summary: '短' })).statusCode).toBe(400);
    expect((await as('lead1', url, { summary: '楼道堆放\u0000垃圾长期无人清理' })).statusCode).toBe(400);
    expect((await as('lead1', `/api/tickets/${filed.ticketId}/publish`, { summary: '暖气不热的公开摘要说明' })).statusCode).toBe(409);
    expect(await server.db.query(`SELECT 1 FROM open311_public WHERE ticket_id = $1`, [phoneTicket.id])).toEqual([]);

    const published = await as('lead1', url, { summary: '劲松街道某小区楼道长期堆放垃圾，已转物业清理' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ ticketId: phoneTicket.id, serviceRequestId: phoneTicket.officialNo, publishedBy: 'lead1' });
    for (const format of ['json', 'xml']) {
      const one = await get(`/open311/v2/requests/${phoneTicket.officialNo}.${format}`);
      expect(one.statusCode).toBe(200);
      expect(leaks(one.body), format).toEqual([]);
      expect((await get(`/open311/v2/requests.${format}`)).body).toContain(phoneTicket.officialNo);
    }
    expect((await get(`/open311/v2/requests/${phoneTicket.officialNo}.json`)).json()).toMatchObject([
      {
        service_request_id: phoneTicket.officialNo,
        description: '劲松街道某小区楼道长期堆放垃圾，已转物业清理',
        address: '朝阳区劲松街道',
        lat: null,
        long: null,
        media_url: null,
        service_code: 'sanitation.garbage',
      },
    ]);

    expect((await as('lead1', `/api/tickets/${filed.ticketId}/unpublish`)).statusCode).toBe(409);
    expect((await as('admin', `/api/tickets/${phoneTicket.id}/unpublish`)).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests/${phoneTicket.officialNo}.json`)).statusCode).toBe(404);
    for (const format of ['json', 'xml']) expect((await get(`/open311/v2/requests.${format}`)).body).not.toContain(phoneTicket.officialNo);
    expect((await as('admin', `/api/tickets/${phoneTicket.id}/unpublish`)).statusCode).toBe(404);

    const trail = await server.app.inject({
      url: `/api/admin/tickets/${phoneTicket.id}/audit`,
      headers: bearer(await server.token('admin')),
    });
    const entries = (trail.json() as { entries: { actor: string; action: string; detail: string }[] }).entries.filter(
      (e) => e.action === 'publish' || e.action === 'unpublish',
    );
    expect(entries.map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['lead1', 'publish', 'open311 publish: 劲松街道某小区楼道长期堆放垃圾，已转物业清理'],
      ['admin', 'unpublish', 'open311 unpublish'],
    ]);
  });

  it('pages the list, with a bounded page size', async () => {
    for (let i = 0; i < 4; i++)
      await post({ api_key: apiKey, service_code: 'power.outage', address_id: `B-${i}`, 'attribute[SCOPE]': 'home' });
    const all = (await get('/open311/v2/requests.json?service_code=power.outage')).json() as { service_request_id: string }[];
    expect(all).toHaveLength(4);
    const pages = await Promise.all(
      [1, 2, 3].map(
        async (page) =>
          (await get(`/open311/v2/requests.json?service_code=power.outage&page_size=3&page=${page}`)).json() as {
            service_request_id: string;
          }[],
      ),
    );
    expect(pages.map((p) => p.length)).toEqual([3, 1, 0]);
    expect(pages.flat().map((r) => r.service_request_id)).toEqual(all.map((r) => r.service_request_id));
    for (const bad of ['page_size=101', 'page_size=0', 'page=0', 'page=x', 'page_size=-1']) {
      const response = await get(`/open311/v2/requests.json?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json(), bad).toEqual([
        { code: 400, description: expect.stringMatching(/^page(_size)? must be a whole number from 1 to \d+$/) },
      ]);
    }
  });

  it('brings requests filed before the public table in with what their submitter posted (migration 7)', async () => {
    // Back to the schema just before migration 7, then forward through it alone; the later ones stay recorded as applied.
    const later = await server.db.query<{ version: number; name: string }>(`SELECT version, name FROM schema_migrations WHERE version > 7`);
    await server.db.exec(`DROP TABLE open311_public; DELETE FROM schema_migrations WHERE version >= 7;`);
    await migrateServer(server.db, serverMigrations.slice(0, 7));
    for (const m of later) await server.db.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    const rows = await server.db.query<{ ticket_id: string; source: string; description: string; address: string | null }>(
      `SELECT ticket_id, source, description, address FROM open311_public ORDER BY created_at`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.source === 'open311')).toBe(true);
    expect(rows.map((r) => r.ticket_id)).not.toContain(phoneTicket.id);
    expect(rows[0]).toMatchObject({ ticket_id: filed.ticketId, description: '暖气不热' });
  });
});
