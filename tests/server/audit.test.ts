import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, startTestServer, type TestServer } from './test-server';

describe.each(engines)('audit trail on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('records who read and who changed a ticket, and cannot be rewritten', async () => {
    const agent = eventsBy('agent1');
    const created = agent.created({ description: '审计测试工单' });
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await server.token('agent1')),
      payload: { events: [created, agent.next(created.ticketId, 'note', { text: '补充' })] },
    });
    await server.app.inject({ url: `/api/tickets/${created.ticketId}`, headers: bearer(await server.token('lead1')) });
    await server.app.inject({ url: '/api/sync/pull?after=0', headers: bearer(await server.token('agent2')) });

    const trail = await server.app.inject({
      url: `/api/admin/tickets/${created.ticketId}/audit`,
      headers: bearer(await server.token('admin')),
    });
    const entries = (trail.json() as { entries: { actor: string; action: string; detail: string }[] }).entries;
    expect(entries.map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['agent1', 'change', 'created'],
      ['agent1', 'change', 'note'],
      ['server', 'change', 'numbered'],
      ['lead1', 'read', 'GET /api/tickets/:id'],
      ['agent2', 'read', 'sync pull'],
    ]);
    await expect(server.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(server.db.query(`UPDATE audit_log SET actor = 'nobody'`)).rejects.toThrow(/append-only/);
  });
});
