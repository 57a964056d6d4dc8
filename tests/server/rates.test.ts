import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import type { Ranking, RateRow } from '../../src/shared/server-api/monitor';
import { eventsBy } from '../support/event-builder';
import { bearer, engines, pushAs, startTestServer, type TestServer } from './test-server';

const heating = 'company:heating';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** A row as "met/of" per rate: how the expectations below were worked out. */
const brief = (row: RateRow | undefined) =>
  row &&
  Object.fromEntries(
    (['response', 'onTimeFeedback', 'resolution', 'satisfaction', 'onTimeDispatch'] as const).map((n) => [n, `${row[n].met}/${row[n].of}`]),
  );

describe.each(engines)('the rates through the server on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const get = async (url: string, username = 'lead1') =>
    server.app.inject({ method: 'GET', url, headers: bearer(await server.token(username)) });
  const unit = async (ticketId: string, action: 'accept' | 'feedback', payload: object = {}) => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/units/tickets/${ticketId}/${action}`,
      headers: bearer(await server.token('unit.heating')),
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const push = async (events: TicketEvent[]) => {
    const { status, body } = await pushAs(server, events);
    expect(status).toBe(200);
    expect(
      body.results.every((r) => r.status !== 'rejected'),
      JSON.stringify(body.results),
    ).toBe(true);
  };

  it('counts a satisfied callback as resolved and a redo as a round of its own: never 0 % for work done, never above 100 %', async () => {
    const by = eventsBy('agent1', 'RAT3');
    // Heating is a utility: dispatch within 2 h, feedback within 24 h.
    const one = { ...by.created({ category: 'heating.temperature' }), at: hoursAgo(3) };
    const two = { ...by.created({ category: 'heating.temperature' }), at: hoursAgo(3) };
    // Registered 50 h ago and never dispatched: its 2 h ran out 48 h ago.
    const waiting = { ...by.created({ category: 'heating.temperature' }), at: hoursAgo(50) };
    const dispatch = (t: TicketEvent) => ({
      ...by.next(t.ticketId, 'dispatched', { unitCodes: [heating], leadUnitCode: heating }),
      at: hoursAgo(2.5),
    });
    await push([one, two, waiting, dispatch(one), dispatch(two)]);

    for (const t of [one, two]) {
      await unit(t.ticketId, 'accept');
      await unit(t.ticketId, 'feedback', { summary: '已调节阀门，室温恢复' });
    }
    await push([by.next(one.ticketId, 'callback_recorded', { satisfaction: 'satisfied' })]);
    // Unsatisfied: back to the unit, which accepts and reports back again; then basically satisfied.
    await push([by.next(two.ticketId, 'callback_recorded', { satisfaction: 'unsatisfied' })]);
    await unit(two.ticketId, 'accept');
    await unit(two.ticketId, 'feedback', { summary: '更换了暖气片' });
    await push([by.next(two.ticketId, 'callback_recorded', { satisfaction: 'basically_satisfied' })]);

    const period = `from=${encodeURIComponent(hoursAgo(100))}&to=${encodeURIComponent(hoursAgo(-1))}`;
    const byUnit = (await get(`/api/monitor/rates?${period}&by=unit`)).json() as { rows: RateRow[]; total: RateRow };
    // Three rounds (two dispatches and a redo), all answered and reported back in time; two of three reports resolved it.
    expect(brief(byUnit.rows.find((r) => r.key === heating))).toEqual({
      response: '3/3',
      onTimeFeedback: '3/3',
      resolution: '2/3',
      satisfaction: '2/3',
      onTimeDispatch: '0/0',
    });
    expect(byUnit.rows.find((r) => r.key === heating)!.onTimeDispatch.rate).toBeNull();
    const byDistrict = (await get(`/api/monitor/rates?${period}&by=district`)).json() as { rows: RateRow[]; total: RateRow };
    expect(brief(byDistrict.rows.find((r) => r.key === '110105'))).toEqual({
      response: '3/3',
      onTimeFeedback: '3/3',
      resolution: '2/3',
      satisfaction: '2/3',
      onTimeDispatch: '2/3',
    });
    // The centre's total is the same whichever way it is split.
    expect(byDistrict.total).toEqual(byUnit.total);

    const csv = await get(`/api/monitor/rates.csv?${period}&by=unit`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(csv.body).rows.find((r) => r.code === heating)).toMatchObject({
      name: '北京市热力集团',
      response_pct: '100.0',
      resolution_met: '2',
      resolution_of: '3',
      resolution_pct: '66.7',
      onTimeDispatch_pct: '',
    });
  });

  it("ranks the month's units and districts with the rates of the same month, as JSON and as CSV with a BOM", async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const ranking = (await get(`/api/monitor/ranking?month=${month}`)).json() as Ranking;
    const rates = (
      await get(`/api/monitor/rates?from=${encodeURIComponent(ranking.from)}&to=${encodeURIComponent(ranking.to)}&by=unit`)
    ).json() as {
      rows: RateRow[];
    };
    expect(ranking.units.map(({ score: _s, rank: _r, ...row }) => row).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      [...rates.rows].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(ranking.units.length).toBeGreaterThan(0);
    expect(ranking.units[0]!.rank).toBe(1);
    expect(ranking.districts.every((d) => d.score === null || (d.score >= 0 && d.score <= 1))).toBe(true);

    const csv = await get(`/api/monitor/ranking.csv?month=${month}`);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="ranking-${month}.csv"`);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.body).rows;
    expect(rows.filter((r) => r.level === 'unit').map((r) => r.code)).toEqual(ranking.units.map((u) => u.key));
    expect(rows.find((r) => r.code === heating)).toMatchObject({ level: 'unit', name: '北京市热力集团' });
  });

  it('refuses a month that is not one, and agents, without a 5xx', async () => {
    for (const month of ['2026-13', '2026-1', 'november', '']) {
      const response = await get(`/api/monitor/ranking?month=${encodeURIComponent(month)}`);
      expect(response.statusCode, month).toBe(400);
    }
    expect((await get('/api/monitor/ranking?month=2026-11', 'agent1')).statusCode).toBe(403);
  });
});
