import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { slaPolicies } from '../../src/server/reference/catalogue/sla';
import { upsertReference } from '../../src/server/reference/reference-store';
import { refreshOpenDeadlines } from '../../src/server/events/event-rows';
import { demoPassword } from '../../src/server/seed/demo-password';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Ticket, TicketEvent } from '../../src/shared/domain/ticket';
import { eventsBy } from '../support/event-builder';
import { until } from '../support/until';
import { bearer, engines, freshDatabase, testConfig } from './test-server';
import { call, onCleanup, workstation } from './workstations';

const unit = 'street:110105017';
const at = (event: TicketEvent, when: string, minutesBefore = 0): TicketEvent => ({
  ...event,
  at: new Date(Date.parse(when) - minutesBefore * 60_000).toISOString(),
});

/** A centre whose general policy counts feedback in 7 working days, its server on loopback in `timeZone`. */
async function workingDayCentre(db: Database, timeZone: string) {
  await upsertReference(db, [{ kind: 'slaPolicy', code: 'general', body: { ...slaPolicies.general, feedbackWorkingDays: 7 } }]);
  const app = await buildServer({ db, config: testConfig({ TIMEZONE: timeZone }), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  onCleanup(async () => {
    await stop();
    await db.close();
  });
  return { app, stop, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/` };
}

/** What the workstation shows for the ticket: the timeline's deadline and the cached list's column. */
async function workstationDeadline(core: Core, id: string) {
  const { deadline } = await call<{ deadline: { stage: string; dueAt: string } | null }>(core, 'tickets.timeline', { id });
  const row = core.db.prepare(`SELECT due_at FROM tickets WHERE id = ?`).get(id) as { due_at: string | null };
  return { timeline: deadline, column: row.due_at };
}

describe.each(engines)('a feedback limit in working days, workstation and server alike on %s', (engine) => {
  it.each([
    // Friday 13 February 2026, the eve of the Spring Festival (15–23 Feb off, Saturdays 14 and 28 worked):
    // Sat 14 (1), 24–27 Feb (2–5), Sat 28 (6), Mon 2 Mar (7) → 24:00 on 2 March in Beijing.
    {
      zone: 'Asia/Shanghai',
      dispatchedAt: '2026-02-13T17:30:00+08:00',
      due: '2026-03-02T16:00:00.000Z',
      moved: '2026-03-03T16:00:00.000Z',
    },
    // The same calendar in New York: 22:30 on Friday 13th there is already Saturday in Beijing, but
    // the day is New York's, and so is its midnight (EST) on 2 March.
    {
      zone: 'America/New_York',
      dispatchedAt: '2026-02-13T22:30:00-05:00',
      due: '2026-03-03T05:00:00.000Z',
      moved: '2026-03-04T05:00:00.000Z',
    },
  ])('for a ticket dispatched on the eve of the Spring Festival in $zone', async ({ zone, dispatchedAt, due, moved }) => {
    const { db } = await freshDatabase(engine);
    const server = await workingDayCentre(db, zone);
    // Told nothing of the zone: it learns it with the reference data, as it learns the calendar.
    const core = workstation(server.url, 'WD23');
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('bootstrapped', async () => {
      const status = await call<SyncStatus>(core, 'sync.status');
      return status.connection === 'online' && status.bootstrap === null;
    });

    // Registered and dispatched at the desk of another workstation, the day before the holiday week.
    const agent = eventsBy('agent2', 'PQR2');
    const created = at(agent.created({ description: '供暖费发票开错了', category: 'heating.fee', urgency: 'normal' }), dispatchedAt, 20);
    const dispatched = at(agent.next(created.ticketId, 'dispatched', { unitCodes: [unit], leadUnitCode: unit }), dispatchedAt);
    const pushed = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(await loginAs(server.app, 'agent2')),
      payload: { events: [created, dispatched] },
    });
    expect(pushed.json<{ results: unknown[] }>().results).toMatchObject([{ status: 'accepted' }, { status: 'accepted' }]);

    const serverDue = async () =>
      (await db.query<{ due_at: Date }>(`SELECT due_at FROM tickets WHERE id = $1`, [created.ticketId]))[0]!.due_at.toISOString();
    expect(await serverDue()).toBe(due);
    const snapshot = (await server.app.inject({ url: '/api/monitor/snapshot', headers: bearer(await loginAs(server.app, 'lead1')) })).json<{
      tickets: { id: string; dueAt: string | null }[];
    }>();
    expect(snapshot.tickets.find((t) => t.id === created.ticketId)?.dueAt).toBe(due);

    await call(core, 'sync.now');
    await until('the ticket reached the workstation', async () => (await core.dispatch('tickets.get', { id: created.ticketId })).ok);
    expect((await call<Ticket>(core, 'tickets.get', { id: created.ticketId })).status).toBe('dispatched');
    expect(await workstationDeadline(core, created.ticketId)).toMatchObject({ timeline: { dueAt: due }, column: due });

    // The centre adds a day off inside the window: both sides move the open ticket's deadline a day on.
    await upsertReference(db, [{ kind: 'calendarDay', code: '2026-02-24', body: { zh: '临时休息', en: 'Day off', workday: false } }]);
    expect(await refreshOpenDeadlines(db, zone)).toBeGreaterThan(0);
    expect(await serverDue()).toBe(moved);
    await call(core, 'sync.now');
    await until('the workstation moved the deadline', async () => (await workstationDeadline(core, created.ticketId)).column === moved);

    // With the server gone, the workstation works the deadline out from its cached calendar alone.
    await server.stop();
    const shown = await workstationDeadline(core, created.ticketId);
    expect(shown.timeline).toMatchObject({ stage: 'feedback', dueAt: moved });
    expect(shown.column).toBe(moved);
  });
});

async function loginAs(app: Awaited<ReturnType<typeof buildServer>>, username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
  return response.json<{ token: string }>().token;
}
