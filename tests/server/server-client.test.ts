import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerClient, ServerError } from '../../src/main/sync/server-client';
import { newId } from '../../src/shared/domain/ids';
import { serverApi } from '../../src/shared/server-api';
import { demoPassword } from '../../src/server/seed/demo-password';
import { eventsBy } from '../support/event-builder';
import { serve } from './workstations';
import { freshDatabase } from './test-server';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof ServerError ? { kind: error.kind, code: error.code, status: error.status } : error),
  );

// The client builds requests from the route table; what it sends and parses does not depend on the
// server's database engine, so one engine is enough here.
describe('the workstation’s server client, over real HTTP', () => {
  let close: () => Promise<void>;
  let client: ServerClient;
  beforeAll(async () => {
    const { db } = await freshDatabase('pglite');
    const { app, url } = await serve(db);
    close = async () => {
      await app.close();
      await db.close();
    };
    client = new ServerClient({ baseUrl: url });
  });
  afterAll(() => close());

  it('calls any route of the table by its entry: path parameters, query, body and the answer parsed by its schema', async () => {
    const { token, user } = await client.login('lead1', demoPassword, 'ws-test');
    expect(user.role).toBe('lead');
    expect(await client.request(serverApi.auth.me, {}, token)).toMatchObject({ username: 'lead1' });
    const pushed = await client.push(token, [eventsBy('lead1').created()]);
    expect(pushed.results.map((r) => r.status)).toEqual(['accepted']);
    const page = await client.pull(token, 0, 1);
    expect(page.events).toHaveLength(1);
    const { tickets } = await client.request(serverApi.tickets.list, { query: { limit: 1 } }, token);
    expect(tickets).toHaveLength(1);
    const one = await client.request(serverApi.tickets.get, { params: { id: tickets[0]!.id } }, token);
    expect(one.ticket.id).toBe(tickets[0]!.id);
    const period = { from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z', by: 'unit' } as const;
    expect((await client.monitorRates(token, period)).by).toBe('unit');
    expect(await client.monitorRatesCsv(token, period)).toMatch(/^\uFEFFcode,name,response_met,/);
    expect((await client.monitorRanking(token, '2026-11')).month).toBe('2026-11');
    expect(await client.monitorRankingCsv(token, '2026-11')).toMatch(/^\uFEFFlevel,rank,code,name,score_pct,/);
    const sent = await client.sendNotice(token, { text: '系统将于今晚维护', expiresInMinutes: 60 });
    expect(sent).toMatchObject({ id: expect.any(String), sentAt: expect.any(String) });
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.sentAt)).toBe(60 * 60_000);
    expect((await client.noticesInForce(token)).notices.map((n) => n.id)).toEqual([sent.id]);
    expect(await client.withdrawNotice(token, sent.id)).toMatchObject({ id: sent.id, withdrawnAt: expect.any(String) });
    expect((await client.noticesInForce(token)).notices).toEqual([]);
  });

  it('keeps the kinds of failure apart: refused with the server’s code and status, unauthenticated, unreachable', async () => {
    const { token } = await client.login('agent1', demoPassword, 'ws-test');
    expect(await refusal(client.request(serverApi.tickets.get, { params: { id: newId() } }, token))).toEqual({
      kind: 'refused',
      code: 'not_found',
      status: 404,
    });
    expect(await refusal(client.monitorSnapshot(token))).toEqual({ kind: 'refused', code: 'forbidden', status: 403 });
    expect(await refusal(client.login('agent1', 'wrong password', 'ws-test'))).toEqual({
      kind: 'unauthenticated',
      code: 'unauthenticated',
      status: 401,
    });
    await client.logout(token);
    expect(await refusal(client.request(serverApi.auth.me, {}, token))).toEqual({
      kind: 'unauthenticated',
      code: 'unauthenticated',
      status: 401,
    });
    await client.logout(token);
    const nowhere = new ServerClient({ baseUrl: 'http://127.0.0.1:9/', timeoutMs: 2000 });
    expect(await refusal(nowhere.pull(token, 0, 1))).toEqual({ kind: 'unreachable', code: undefined, status: undefined });
  });
});
