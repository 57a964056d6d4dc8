import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { PushedEventName } from '../../src/shared/contract/events';
import type { PresenceView } from '../../src/shared/contract/presence';
import type { TicketEvent } from '../../src/shared/domain/ticket';
import type { MonitorSnapshot, MonitorTicket, RateRow } from '../../src/shared/server-api/monitor';
import type { Ticket } from '../../src/shared/domain/ticket';
import { demoPassword } from '../../src/server/seed/demo-password';
import { eventsBy } from '../support/event-builder';
import { intakeFields } from '../support/fixtures';
import { parseCsv } from '../../src/shared/csv';
import { until } from '../support/until';
import { bearer, engines } from './test-server';
import { call, centre, workstation } from './workstations';

/** Everything a core pushed to its UI, by event name. */
function recorder(core: Core) {
  const seen: { event: string; payload: unknown }[] = [];
  core.bus.subscribe((event, payload) => seen.push({ event, payload }));
  return {
    of: <T>(event: PushedEventName) => seen.filter((s) => s.event === event).map((s) => s.payload as T),
  };
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(engines)('the lead monitor on %s', (engine) => {
  async function setting() {
    const { db, server } = await centre(engine);
    const token = async (username: string) =>
      (
        (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } })).json() as {
          token: string;
        }
      ).token;
    const push = async (username: string, events: TicketEvent[]) => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: bearer(await token(username)),
        payload: { events },
      });
      expect(response.statusCode).toBe(200);
    };
    return { db, server, token, push };
  }

  it("reads each delta's tickets through an index on last_seq, not by scanning every ticket", async () => {
    const { db } = await setting();
    // With scans priced out, a missing index still shows as a Seq Scan; an empty table says nothing otherwise.
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM tickets WHERE last_seq > $1 ORDER BY last_seq`, [0]);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('tickets_by_last_seq');
  });

  it('gives leads open tickets with their deadlines, agents and hot spots; refuses agents', async () => {
    const { server, push } = await setting();
    const by = eventsBy('agent1', 'MNT2');
    // An emergency registered 50 minutes ago: the 1-hour dispatch clock is in its last quarter.
    const urgent = { ...by.created({ urgency: 'emergency', category: 'water.outage' }), at: minutesAgo(50) };
    const burst = [1, 2, 3, 4].map(() => by.created({ category: 'water.outage', districtCode: '110105', streetCode: '110105017' }));
    await push('agent1', [urgent, ...burst]);

    const lead = workstation(server.url, 'HDA2');
    await call(lead, 'auth.signIn', { username: 'lead1', password: demoPassword });
    const snapshot = await call<MonitorSnapshot>(lead, 'monitor.snapshot');
    const row = snapshot.tickets.find((t) => t.id === urgent.ticketId)!;
    expect(row).toMatchObject({ status: 'registered', urgency: 'emergency', dueStage: 'dispatch', createdBy: 'agent1' });
    expect(Date.parse(row.dueAt!) - Date.parse(urgent.at)).toBe(60 * 60_000);
    // "Today" is the centre's day (Beijing): 50 minutes ago may have been yesterday there.
    const beijingDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
    const urgentToday = beijingDay(urgent.at) === beijingDay(new Date().toISOString()) ? 1 : 0;
    expect(snapshot.agents.find((a) => a.username === 'agent1')).toMatchObject({ ticketsToday: 4 + urgentToday, state: 'disconnected' });
    expect(snapshot.intakeByHour).toHaveLength(24);
    expect(snapshot.intakeByHour.reduce((n, h) => n + h.today, 0)).toBeGreaterThanOrEqual(4);
    const cell = snapshot.heat.find((c) => c.category === 'water.outage' && c.districtCode === '110105')!;
    expect(cell).toMatchObject({ count: 5, baseline: 0, spike: true });
    expect(cell.ticketIds).toHaveLength(5);

    const agent = workstation(server.url, 'AGN2');
    await call(agent, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await expect(call(agent, 'monitor.snapshot')).rejects.toThrow(/forbidden/);
    await expect(call(agent, 'monitor.notice', { text: '全体注意' })).rejects.toThrow(/forbidden/);
    const direct = await server.app.inject({
      url: '/api/monitor/snapshot',
      headers: bearer(
        (
          (await (
            await fetch(new URL('/api/auth/login', server.url), {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username: 'agent1', password: demoPassword }),
            })
          ).json()) as { token: string }
        ).token,
      ),
    });
    expect(direct.statusCode).toBe(403);
  });

  it('sends leads deltas: a new ticket, an agent’s presence; notices reach every agent', async () => {
    const { server, push } = await setting();
    const lead = workstation(server.url, 'HDA3');
    const agent = workstation(server.url, 'AGN3');
    const leadSaw = recorder(lead);
    const agentSaw = recorder(agent);
    await call(lead, 'auth.signIn', { username: 'lead1', password: demoPassword });
    await call(agent, 'auth.signIn', { username: 'agent2', password: demoPassword });
    await until(
      'both online',
      async () =>
        (await call<{ connection: string }>(lead, 'sync.status')).connection === 'online' &&
        (await call<{ connection: string }>(agent, 'sync.status')).connection === 'online',
    );

    const created = eventsBy('agent2', 'AGN3').created({ description: '监控增量测试' });
    await push('agent2', [created]);
    await until('the lead got the ticket', async () =>
      leadSaw
        .of<{ kind: string; tickets?: MonitorTicket[] }>('monitor.changed')
        .some((c) => c.kind === 'tickets' && c.tickets!.some((t) => t.id === created.ticketId)),
    );

    await call<PresenceView>(agent, 'presence.set', { state: 'break', reason: 'meeting' });
    await until('the lead saw the break', async () =>
      leadSaw
        .of<{ kind: string; username?: string; state?: string }>('monitor.changed')
        .some((c) => c.kind === 'presence' && c.username === 'agent2' && c.state === 'break'),
    );
    const snapshot = await call<MonitorSnapshot>(lead, 'monitor.snapshot');
    expect(snapshot.agents.find((a) => a.username === 'agent2')).toMatchObject({ state: 'break', reason: 'meeting' });
    expect(await call<PresenceView>(agent, 'presence.current')).toMatchObject({ state: 'break', reason: 'meeting' });

    await call(lead, 'monitor.notice', { text: '朝阳区大面积停电，请统一答复' });
    await until('the agent got the notice', async () =>
      agentSaw
        .of<{ notices: { text: string }[] }>('notices.changed')
        .some((n) => n.notices.some((x) => x.text === '朝阳区大面积停电，请统一答复')),
    );
    expect(agentSaw.of<{ notices: { from: string }[] }>('notices.changed').at(-1)!.notices[0]).toMatchObject({ from: '赵磊' });
    expect(agentSaw.of('monitor.changed')).toEqual([]); // agents get no monitor data
  });

  it('computes the three rates per unit and per district, as JSON and CSV; links a cluster to an incident', async () => {
    const { server, push, token } = await setting();
    const by = eventsBy('agent1', 'RAT2');
    const heating = 'company:heating';
    const tickets = [1, 2].map(() => by.created({ category: 'heating.temperature' }));
    const flow: TicketEvent[] = [...tickets];
    for (const t of tickets) flow.push(by.next(t.ticketId, 'dispatched', { unitCodes: [heating], leadUnitCode: heating }));
    await push('agent1', flow);
    const accepted = await server.app.inject({
      method: 'POST',
      url: `/api/units/tickets/${tickets[0]!.ticketId}/accept`,
      headers: bearer(await token('unit.heating')),
      payload: {},
    });
    expect(accepted.statusCode).toBeLessThan(300);

    const lead = workstation(server.url, 'HDA4');
    await call(lead, 'auth.signIn', { username: 'lead1', password: demoPassword });
    const period = { from: minutesAgo(60), to: new Date(Date.now() + 60_000).toISOString() };
    const rates = await call<{ rows: RateRow[] }>(lead, 'monitor.rates', { ...period, by: 'unit' });
    // The accepted dispatch is met; the other's limit is hours ahead, so it is not judged yet.
    expect(rates.rows.find((r) => r.key === heating)?.response).toEqual({ met: 1, of: 1, rate: 1 });
    const csv = await call<{ filename: string; csv: string }>(lead, 'monitor.ratesCsv', { ...period, by: 'unit' });
    expect(csv.filename).toMatch(/^rates-unit-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(parseCsv(csv.csv.replace(/^\ufeff/, '')).rows.find((r) => r.code === heating)).toMatchObject({
      name: '北京市热力集团',
      response_pct: '100.0',
    });
    await expect(call(lead, 'monitor.rates', { from: period.to, to: period.from, by: 'unit' })).rejects.toThrow(/invalid_input/);

    const linked = await call<{ id: string; linked: number }>(lead, 'monitor.linkIncident', {
      title: '劲松供热管线故障',
      ticketIds: tickets.map((t) => t.ticketId),
    });
    expect(linked.linked).toBe(2);
    const snapshot = await call<MonitorSnapshot>(lead, 'monitor.snapshot');
    expect(snapshot.tickets.filter((t) => t.incidentId === linked.id)).toHaveLength(2);
  });

  it('lets a lead reassign a ticket the unit has not accepted, and escalate one', async () => {
    const { server } = await setting();
    const agent = workstation(server.url, 'AGN5');
    await call(agent, 'auth.signIn', { username: 'agent1', password: demoPassword });
    const ticket = await call<Ticket>(agent, 'tickets.create', {
      fields: { ...intakeFields, urgency: 'normal', category: 'heating.temperature' },
    });
    await call(agent, 'tickets.dispatch', { id: ticket.id, unitCodes: ['street:110105017'], leadUnitCode: 'street:110105017' });
    await until('synced', async () => (await call<{ outboxSize: number }>(agent, 'sync.status')).outboxSize === 0);

    const lead = workstation(server.url, 'HDA5');
    await call(lead, 'auth.signIn', { username: 'lead1', password: demoPassword });
    await until('the lead has it', async () => (await lead.dispatch('tickets.get', { id: ticket.id })).ok);
    await call(lead, 'tickets.dispatch', {
      id: ticket.id,
      unitCodes: ['company:heating'],
      leadUnitCode: 'company:heating',
      reason: '属供热问题',
      reassign: true,
    });
    await call(lead, 'tickets.update', { id: ticket.id, changes: { urgency: 'urgent' } });
    await until('on the server', async () => {
      const snapshot = await call<MonitorSnapshot>(lead, 'monitor.snapshot');
      const row = snapshot.tickets.find((t) => t.id === ticket.id);
      return row?.leadUnit === 'company:heating' && row.urgency === 'urgent';
    });
  });
});
