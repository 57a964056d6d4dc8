/**
 * Bootstrap of an empty workstation cache: a centre with N tickets of history (seeded through the
 * real push path into PostgreSQL), then a new workstation core signs in and pulls until its cursor
 * reaches the head. Prints time, tickets/s and events/s, and the cache size.
 *   npm run bench:bootstrap [-- --tickets 100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, ownerOnlyCacheKey } from '../src/main/core';
import { readCursor } from '../src/main/store/sync-store';
import { buildServer } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { migrateServer } from '../src/server/db/migrate';
import { openPostgres } from '../src/server/db/postgres';
import { demoPassword, seedDemo } from '../src/server/seed/seed';
import { startThrowawayPostgres } from '../tests/support/postgres-cluster';

const { values } = parseArgs({ options: { tickets: { type: 'string', default: '100000' } } });
const tickets = Number(values.tickets);

const cluster = await startThrowawayPostgres({ fsync: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bootstrap-'));
try {
  const db = await openPostgres(cluster.url);
  await migrateServer(db);
  let started = performance.now();
  const seeded = await seedDemo(db, { count: tickets, days: 30, timeZone: 'Asia/Shanghai' });
  const [{ value: head }] = (await db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'event_seq'`)) as [{ value: number }];
  console.log(`seeded ${seeded.tickets} tickets (${head} events) through the push path in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const app = await buildServer({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const core = openCore({ dataDir, cacheKey: ownerOnlyCacheKey(dataDir), host: 'web', version: 'bench', workstationCode: 'BNCH', serverUrl: base, syncPollMs: 60_000 });
  started = performance.now();
  const signedIn = await core.dispatch('auth.signIn', { username: 'agent1', password: demoPassword });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
  while (readCursor(core.db) < head) await new Promise((resolve) => setTimeout(resolve, 50));
  const seconds = (performance.now() - started) / 1000;
  const cached = (core.db.prepare(`SELECT count(*) AS n FROM tickets`).get() as { n: number }).n;
  await core.close();
  const bytes = fs.readdirSync(dataDir).reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0);
  console.log(
    `bootstrap: ${cached} tickets, ${head} events into an empty cache in ${seconds.toFixed(1)} s — ` +
      `${Math.round(cached / seconds)} tickets/s, ${Math.round(head / seconds)} events/s; cache ${(bytes / 1e6).toFixed(0)} MB (incl. sign-in and WAL)`,
  );
  await app.close();
  await db.close();
} finally {
  cluster.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
