import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { ageOutClosedTickets } from '../../src/main/store/cache-scope-store';
import { readCursor } from '../../src/main/store/sync-store';
import type { CallerHistory } from '../../src/shared/contract/callers';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Ticket, TicketEvent } from '../../src/shared/domain/ticket';
import { demoPassword } from '../../src/server/seed/demo-password';
import { eventsBy } from '../support/event-builder';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { bearer, type Engine, engines } from './test-server';
import { call, centre, onCleanup, workstation } from './workstations';

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
const at = (event: TicketEvent, when: string): TicketEvent => ({ ...event, at: when });

/**
 * The centre as a cache sees it: 12 recent tickets, 3 open ones from two months ago, and 4 closed
 * ones from two months ago (one of them from a caller we look up). Each a different caller.
 */
async function seededCentre(engine: Engine) {
  const { db, server } = await centre(engine);
  const by = eventsBy('agent2', 'PQR2');
  const events: TicketEvent[] = [];
  const recent: string[] = [];
  const oldOpen: string[] = [];
  const oldClosed: string[] = [];
  for (let i = 0; i < 12; i++) {
    const created = by.created({ callerPhone: `1380000${String(i).padStart(4, '0')}`, description: `最近的工单${i}` });
    events.push(created);
    recent.push(created.ticketId);
  }
  for (let i = 0; i < 3; i++) {
    const created = at(by.created({ callerPhone: `1390000${String(i).padStart(4, '0')}`, description: `两个月前未办结${i}` }), ago(60));
    events.push(created);
    oldOpen.push(created.ticketId);
  }
  for (let i = 0; i < 4; i++) {
    const created = at(
      by.created({ callerPhone: i === 0 ? '010-65123456' : `1370000${String(i).padStart(4, '0')}`, description: `两个月前已办结${i}` }),
      ago(60),
    );
    events.push(created, at(by.next(created.ticketId, 'closed', { resolution: 'withdrawn' }), ago(55)));
    oldClosed.push(created.ticketId);
  }
  const agent2 = (
    await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent2', password: demoPassword } })
  ).json() as { token: string };
  const pushed = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(agent2.token), payload: { events } });
  expect((pushed.json() as { results: { status: string }[] }).results.every((r) => r.status === 'accepted')).toBe(true);
  return { db, server, recent, oldOpen, oldClosed, by, token: agent2.token };
}

const status = (core: Core) => call<SyncStatus>(core, 'sync.status');
const has = async (core: Core, id: string) => (await core.dispatch('tickets.get', { id })).ok;

describe.each(engines)('cache scope: bootstrap, caller index, backfill and ageing on %s', (engine) => {
  it('fills a new cache with 30 days and every open ticket, showing progress, and indexes older callers', async () => {
    const { server, recent, oldOpen, oldClosed } = await seededCentre(engine);
    const core = workstation(server.url, 'BSA2', undefined, 200, { bootstrapPage: 4 });
    const progress: NonNullable<SyncStatus['bootstrap']>[] = [];
    core.bus.subscribe(
      (event, payload) => event === 'sync.status' && (payload as SyncStatus).bootstrap && progress.push((payload as SyncStatus).bootstrap!),
    );
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('bootstrapped', async () => (await status(core)).connection === 'online' && (await status(core)).bootstrap === null);

    for (const id of [...recent, ...oldOpen]) expect(await has(core, id), id).toBe(true);
    for (const id of oldClosed) expect(await has(core, id), id).toBe(false);
    // 15 tickets in scope, pages of 4: the bar showed 4, 8 and 12 of 15, and went away with the last page.
    expect(progress.map((p) => `${p.loaded}/${p.total}`)).toEqual(['4/15', '8/15', '12/15']);

    // The old closed ticket is not cached whole, but its caller's history still shows it.
    const history = await call<CallerHistory>(core, 'callers.history', { phone: '65123456' });
    expect(history.tickets.map((t) => [t.id, t.status])).toEqual([[oldClosed[0], 'closed']]);
    expect(history.tickets[0]!.officialNo).toMatch(/^\d{13,}$/);
  });

  it('resumes an interrupted bootstrap after the last stored page', async () => {
    const { server } = await seededCentre(engine);
    const dataDir = tempDir();
    const requests: string[] = [];
    let failed = false;
    const flaky: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.includes('/api/sync/bootstrap')) {
        requests.push(new URL(url).searchParams.get('after') ?? '');
        if (requests.length === 3) {
          failed = true;
          throw new TypeError('fetch failed: the network went away');
        }
      }
      return fetch(input, init);
    };
    const first = openCore({
      dataDir,
      cacheKey: ownerOnlyCacheKey(dataDir),
      host: 'web',
      version: 'test',
      workstationCode: 'BSB2',
      serverUrl: server.url,
      serverFetch: flaky,
      syncPollMs: 200,
      bootstrapPage: 4,
    });
    await call(first, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('the third page failed', async () => failed);
    expect((await status(first)).bootstrap).toEqual({ loaded: 8, total: 15 });
    await first.close(); // the workstation is shut down mid-bootstrap

    requests.length = 0;
    const second = openCore({
      dataDir,
      cacheKey: ownerOnlyCacheKey(dataDir),
      host: 'web',
      version: 'test',
      workstationCode: 'BSB2',
      serverUrl: server.url,
      serverFetch: flaky,
      syncPollMs: 200,
      bootstrapPage: 4,
    });
    onCleanup(() => second.close());
    await until('bootstrapped', async () => (await status(second)).bootstrap === null && (await status(second)).connection === 'online');
    expect(requests[0]).not.toBe(''); // it went on after the last stored ticket, not from the start
    expect(second.db.prepare(`SELECT count(*) AS n FROM tickets`).get()).toEqual({ n: 15 });
  });

  it('stops between two pulled pages when closed, and the next start goes on from the last stored one', async () => {
    const { server, by, token } = await seededCentre(engine);
    const dataDir = tempDir();
    let pullsAfterClose = 0;
    let closing: Promise<void> | null = null;
    let armed = false;
    let first: Core | null = null;
    // Closes the workstation as it asks for the second page of a long pull (an agent quitting after an outage).
    const closesOnSecondPull: typeof fetch = async (input, init) => {
      if (armed && String(input).includes('/api/sync/pull')) {
        if (closing) pullsAfterClose += 1;
        else if (Number(new URL(String(input)).searchParams.get('after')) > before) closing = first!.close();
      }
      return fetch(input, init);
    };
    const open = (serverFetch?: typeof fetch) =>
      openCore({
        dataDir,
        cacheKey: ownerOnlyCacheKey(dataDir),
        host: 'web',
        version: 'test',
        workstationCode: 'BSE2',
        serverUrl: server.url,
        serverFetch,
        syncPollMs: 200,
        pullPage: 2,
      });
    first = open(closesOnSecondPull);
    await call(first, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('bootstrapped', async () => (await status(first!)).connection === 'online' && (await status(first!)).bootstrap === null);
    const before = readCursor(first.db);

    const later = Array.from({ length: 10 }, (_, i) =>
      by.created({ callerPhone: `1360000${String(i).padStart(4, '0')}`, description: `停机后登记的工单${i}` }),
    );
    await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events: later } });
    armed = true;
    await call(first, 'sync.now');
    await until('closing', () => closing !== null);
    await closing;
    // The page asked for as it closed was stored (it was already on its way), and nothing after it was asked for.
    expect(pullsAfterClose).toBe(0);

    const second = open();
    onCleanup(() => second.close());
    const stored = second.db.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number };
    expect(stored.n).toBeLessThan(15 + 10);
    expect(readCursor(second.db)).toBeGreaterThan(before);
    await until('caught up', async () => (second.db.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number }).n === 25);
    expect(await call(second, 'tickets.search', { query: '停机后登记' })).toHaveLength(10);
  });

  it('fetches a ticket it never held whole when it changes, and ages closed tickets out, keeping them in caller history', async () => {
    const { server, oldClosed, by, token } = await seededCentre(engine);
    const core = workstation(server.url, 'BSC2');
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    await until('bootstrapped', async () => (await status(core)).connection === 'online' && (await status(core)).bootstrap === null);

    // Someone reopens an old closed ticket: this cache meets it for the first time, and fetches it whole.
    const reopened = oldClosed[1]!;
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: { events: [by.next(reopened, 'reopened', { reason: '市民来电说问题又出现了' })] },
    });
    await call(core, 'sync.now');
    const ticket = await until('backfilled', async () => {
      const got = await core.dispatch('tickets.get', { id: reopened });
      return got.ok ? (got.value as Ticket) : null;
    });
    expect(ticket).toMatchObject({ status: 'registered', eventCount: 4 }); // created, numbered, closed, reopened

    // Closed tickets leave the scope as time passes: what the engine does hourly, run here as of 40
    // days on. They leave the cache whole and stay in their callers' history; open ones stay.
    const recentIds = (core.db.prepare(`SELECT id FROM tickets WHERE created_at > ? ORDER BY id`).all(ago(1)) as { id: string }[]).map(
      (r) => r.id,
    );
    const closing = recentIds.slice(0, 5);
    await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: bearer(token),
      payload: { events: closing.map((id) => by.next(id, 'closed', { resolution: 'withdrawn' })) },
    });
    await call(core, 'sync.now');
    await until(
      'closes arrived',
      async () => (core.db.prepare(`SELECT count(*) AS n FROM tickets WHERE status = 'closed'`).get() as { n: number }).n === 5,
    );
    const [phone] = (await call<Ticket>(core, 'tickets.get', { id: closing[0] })).fields.callerPhone!.split(' ');
    const fortyDaysOn = Date.now() + 40 * day;
    const aged = ageOutClosedTickets(
      core.db,
      new Date(fortyDaysOn - 30 * day).toISOString(),
      new Date(fortyDaysOn - 365 * day).toISOString(),
    );
    expect(aged).toBe(5);
    for (const id of closing) expect(await has(core, id)).toBe(false);
    for (const id of recentIds.slice(5)) expect(await has(core, id)).toBe(true);
    expect(
      core.db.prepare(`SELECT count(*) AS n FROM ticket_events WHERE ticket_id IN (${closing.map(() => '?').join(',')})`).get(...closing),
    ).toEqual({ n: 0 });
    const history = await call<CallerHistory>(core, 'callers.history', { phone });
    expect(history.tickets.map((t) => [t.id, t.status])).toEqual([[closing[0], 'closed']]);
    expect(await call(core, 'tickets.search', { query: '最近的工单' })).toHaveLength(7);
  });

  it('never ages out a ticket with a change the server has not confirmed', async () => {
    const { server } = await seededCentre(engine);
    // Signed in, then cut off from the server: what it registers now stays unconfirmed.
    const road = { down: false };
    const core = workstation(server.url, 'BSD2', (input, init) =>
      road.down ? Promise.reject(new TypeError('fetch failed: network is down')) : fetch(input, init),
    );
    await call(core, 'auth.signIn', { username: 'agent1', password: demoPassword });
    road.down = true;
    const created = await call<Ticket>(core, 'tickets.create', {
      fields: { requestType: 'help', urgency: 'normal', description: '本机登记，尚未同步', channel: 'phone' },
    });
    await call(core, 'tickets.addNote', { id: created.id, text: '备注' });
    core.db.prepare(`UPDATE tickets SET status = 'closed'`).run(); // as if closed long ago
    expect(ageOutClosedTickets(core.db, new Date(Date.now() + 100 * day).toISOString(), ago(365))).toBe(0);
    expect(await has(core, created.id)).toBe(true);
  });
});
