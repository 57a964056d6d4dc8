import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventBus } from '../../src/main/event-bus';
import { newCacheKey } from '../../src/main/store/cache-key';
import { defaultCacheScope, readBootstrap } from '../../src/main/store/cache-scope-store';
import { openDatabase } from '../../src/main/store/database';
import { readSetting } from '../../src/main/store/settings-store';
import { bootstrapCache, keepCacheScope } from '../../src/main/sync/cache-fill';
import { ServerClient } from '../../src/main/sync/server-client';
import { demoPassword } from '../../src/server/seed/seed';
import { loginResponseSchema } from '../../src/shared/server-api/auth';
import { eventsBy } from '../support/event-builder';
import { standInProxy } from '../support/stand-in-proxy';
import { tempDir } from '../support/temp-dir';
import { bearer, engines } from './test-server';
import { centre, onCleanup } from './workstations';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const hour = 3_600_000;

/** A centre with ten fresh tickets, a cache for agent2, and a count of what the cache asks the server. */
async function setUp(engine: (typeof engines)[number]) {
  const { server } = await centre(engine);
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'agent2', password: demoPassword },
  });
  const { token } = loginResponseSchema.parse(login.json());
  const by = eventsBy('agent2', 'CFM2');
  const events = Array.from({ length: 10 }, (_, i) => by.created({ description: `新工单${i}` }));
  const pushed = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { events } });
  const { results } = z.object({ results: z.array(z.object({ status: z.string() })) }).parse(pushed.json());
  expect(results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
  const stand = await standInProxy(server.url, () => null);
  onCleanup(() => stand.close());
  const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
  onCleanup(async () => {
    db.close();
  });
  const asked = (route: string) => stand.seen.filter((s) => s.path.startsWith(route)).length;
  const base = { db, bus: new EventBus(), client: new ServerClient({ baseUrl: stand.url }), scope: defaultCacheScope, log: quiet };
  return { db, token, base, asked, ids: events.map((e) => e.ticketId) };
}

const ticketCount = (db: ReturnType<typeof openDatabase>) =>
  z.object({ n: z.number() }).parse(db.prepare(`SELECT count(*) AS n FROM tickets`).get()).n;

describe.each(engines)('filling a cache and keeping it in scope, against a real server on %s', (engine) => {
  it('bootstraps a page at a time, stops between two pages when told, and goes on after the last stored page', async () => {
    const { db, token, base, ids } = await setUp(engine);
    let pages = 0;
    await bootstrapCache(
      { ...base, now: () => new Date(), bootstrapPage: 3, running: () => pages < 2, progressed: () => (pages += 1) },
      token,
    );
    const stopped = readBootstrap(db);
    expect(stopped).toMatchObject({ loaded: 6, done: false });
    expect(stopped!.total).toBeGreaterThanOrEqual(ids.length);
    expect(ticketCount(db)).toBe(6);

    await bootstrapCache({ ...base, now: () => new Date(), bootstrapPage: 3, running: () => true, progressed: () => (pages += 1) }, token);
    const done = readBootstrap(db);
    expect(done).toMatchObject({ done: true, loaded: stopped!.total, total: stopped!.total });
    expect(ticketCount(db)).toBe(stopped!.total);
    const stored = db.prepare(`SELECT id FROM tickets`).pluck().all();
    expect(stored).toEqual(expect.arrayContaining(ids));
  });

  it('runs the ageing of closed tickets at most once an hour and asks for the caller index at most once a day', async () => {
    const { db, token, base, asked } = await setUp(engine);
    const start = Date.parse('2026-05-04T08:00:00.000Z');
    const keepAt = (offsetMs: number) => keepCacheScope({ ...base, now: () => new Date(start + offsetMs) }, token);
    const agedAt = () => readSetting(db, 'sync.agedAt', z.string());

    await keepAt(0);
    expect(agedAt()).toBe(new Date(start).toISOString());
    const indexPages = asked('/api/sync/caller-index');
    expect(indexPages).toBeGreaterThan(0);

    await keepAt(hour / 2);
    expect(agedAt()).toBe(new Date(start).toISOString());
    await keepAt(hour);
    expect(agedAt()).toBe(new Date(start + hour).toISOString());
    expect(asked('/api/sync/caller-index')).toBe(indexPages);

    await keepAt(24 * hour);
    expect(asked('/api/sync/caller-index')).toBe(2 * indexPages);
  });
});
