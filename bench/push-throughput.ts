/**
 * Push throughput of the central server: concurrent workstations push batches of new tickets over
 * real HTTP on loopback; each `created` event is validated, folded, numbered and committed.
 * PostgreSQL runs a throwaway cluster with its durable defaults (fsync on); PGlite a data dir on disk.
 *   npm run bench:push [-- --tickets 20000 --clients 8 --batch 100 --runs 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from '../src/server/app';
import { createUser } from '../src/server/auth/users';
import { loadConfig } from '../src/server/config';
import type { Database } from '../src/server/db/database';
import { migrateServer } from '../src/server/db/migrate';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { seedReference } from '../src/server/seed/seed';
import { eventsBy } from '../tests/support/event-builder';
import { startThrowawayPostgres } from '../tests/support/postgres-cluster';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '20000' },
    clients: { type: 'string', default: '8' },
    batch: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
  },
});
const tickets = Number(values.tickets);
const clients = Number(values.clients);
const batch = Number(values.batch);
const runs = Number(values.runs);
const password = 'bench-password-1';

async function measure(db: Database): Promise<number> {
  await migrateServer(db);
  await seedReference(db);
  const app = await buildServer({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const perClient = Math.ceil(tickets / clients / batch);
  const pushers: { token: string; bodies: string[] }[] = [];
  for (let c = 0; c < clients; c++) {
    const username = `bench${c}`;
    await createUser(db, { username, displayName: username, role: 'agent', unitCode: null, password });
    const response = await fetch(new URL('/api/auth/login', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const { token } = (await response.json()) as { token: string };
    // Events are made before the clock starts: only the server's work is timed.
    const maker = eventsBy(username);
    const bodies = Array.from({ length: perClient }, () =>
      JSON.stringify({ events: Array.from({ length: batch }, () => maker.created()) }),
    );
    pushers.push({ token, bodies });
  }
  const started = performance.now();
  let accepted = 0;
  await Promise.all(
    pushers.map(async ({ token, bodies }) => {
      for (const body of bodies) {
        const response = await fetch(new URL('/api/sync/push', base), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        const result = (await response.json()) as { results: { status: string }[] };
        accepted += result.results.filter((r) => r.status === 'accepted').length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  if (accepted !== perClient * batch * clients) throw new Error(`only ${accepted} events accepted`);
  return accepted / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  console.log(
    `push throughput: ${tickets} new tickets per run, ${clients} concurrent clients, batches of ${batch}, ${runs} runs; ${os.cpus().length} cores`,
  );
  const results: Record<string, number[]> = { postgres: [], pglite: [] };
  const cluster = await startThrowawayPostgres({ fsync: true });
  try {
    for (let run = 0; run < runs; run++) {
      const pg = await openPostgres(cluster.url);
      await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      results.postgres!.push(await measure(pg));
      await pg.close();

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-pglite-'));
      const lite = await openPglite({ dataDir: dir });
      results.pglite!.push(await measure(lite));
      await lite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    cluster.stop();
  }
  for (const [engine, rates] of Object.entries(results)) {
    console.log(`${engine.padEnd(8)} median ${median(rates).toFixed(0)} events/s  (runs: ${rates.map((r) => r.toFixed(0)).join(', ')})`);
  }
  console.log(`ratio postgres/pglite: ${(median(results.postgres!) / median(results.pglite!)).toFixed(2)}`);
}

await main();
