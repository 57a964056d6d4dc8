import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { outboxSize, openRejectionCount } from '../../src/main/store/ticket-store';
import { migrateServer } from '../../src/server/db/migrate';
import { openPostgres } from '../../src/server/db/postgres';
import { seededRandom } from '../../src/server/seed/random';
import { seedDemoUsers, seedReference } from '../../src/server/seed/seed';
import { createDatabase } from '../../tests/support/postgres-cluster';
import { openBenchCore, signInBench } from './bootstrap';
import { startCentralServer } from './central-server';
import { startScript } from './server-calls';
import type { MeasureResult } from './stats';
import { peerTickets } from './synthetic-centre';
import type { TicketEvent } from '../../src/shared/domain/ticket';

const run = promisify(execFile);
const InMemory = PouchDB.plugin(memory).plugin(http).plugin(replication);

const waitFor = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 50));
};

/**
 * Set-up of measure 7, in its own process: the workstation of `dir` registers `count` tickets
 * offline. Resolves with the seconds it took once the process has closed its cache.
 */
export async function registerOfflineTickets(dir: string, seed: number, count: number): Promise<number> {
  const started = performance.now();
  // Run to its end (a one-shot script, not a server): execFile settles once the process has exited, failing with its output if it failed.
  await run(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'offline-workstation.ts')], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: { ...process.env, HOTLINE_BENCH_DIR: dir, HOTLINE_BENCH_SEED: String(seed), HOTLINE_BENCH_COUNT: String(count) },
  });
  return (performance.now() - started) / 1000;
}

/**
 * Ours: the workstation that registered the tickets offline signs in and pushes its outbox to the
 * server (its own process, an empty centre on PostgreSQL, fsync on). Timed from sign-in to an empty
 * outbox: every ticket validated, folded, numbered and durable on the server.
 */
async function ourPush(clusterUrl: string, dir: string, count: number): Promise<number> {
  const url = await createDatabase(clusterUrl, 'peer');
  const db = await openPostgres(url);
  await migrateServer(db);
  await seedReference(db);
  await seedDemoUsers(db);
  await db.close();
  const server = await startCentralServer(url);
  const core = openBenchCore(dir, server.url, 'PEER');
  try {
    if (outboxSize(core.db) !== count) throw new Error(`the peer workstation has ${outboxSize(core.db)} events to push, not ${count}`);
    const started = performance.now();
    await signInBench(core, 'agent2');
    await waitFor(() => outboxSize(core.db) === 0);
    const seconds = (performance.now() - started) / 1000;
    if (openRejectionCount(core.db) > 0) throw new Error('the server refused some of the peer tickets');
    return seconds;
  } finally {
    await core.close();
    await server.stop();
  }
}

/**
 * Theirs: the same tickets as documents in a PouchDB, replicated to a CouchDB-protocol server
 * (express-pouchdb, in memory, its own process) with the same batch size as our push (200).
 */
async function pouchReplication(tickets: TicketEvent[]): Promise<number> {
  const { child, match } = await startScript(path.join(import.meta.dirname, 'pouchdb-server.ts'), {}, /listening (\d+)/);
  const port = Number(match[1]);
  try {
    const local = new InMemory('peer-tickets');
    for (let i = 0; i < tickets.length; i += 1000) {
      await local.bulkDocs(tickets.slice(i, i + 1000).map((e) => ({ _id: e.ticketId, ...e, payload: e.payload })));
    }
    const remote = `http://127.0.0.1:${port}/tickets`;
    const started = performance.now();
    const result = await local.replicate.to(remote, { batch_size: 200 });
    const seconds = (performance.now() - started) / 1000;
    const info = (await (await fetch(remote)).json()) as { doc_count: number };
    if (!result.ok || info.doc_count !== tickets.length)
      throw new Error(`PouchDB replicated ${info.doc_count} of ${tickets.length} documents`);
    await local.destroy();
    return seconds;
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * Measure 7: the same tickets pushed by our sync (from the workstation `registerOfflineTickets`
 * prepared in `dir` with the same seed) and replicated by PouchDB, in one run.
 */
export async function measurePeer(options: {
  clusterUrl: string;
  dir: string;
  seed: number;
  count: number;
  log: (line: string) => void;
}): Promise<MeasureResult> {
  const tickets = peerTickets(seededRandom(options.seed), options.count);
  const ours = await ourPush(options.clusterUrl, options.dir, tickets.length);
  options.log(`  peer: ours pushed in ${ours.toFixed(1)} s`);
  const theirs = await pouchReplication(tickets);
  const ratio = theirs / ours;
  return {
    id: 7,
    measure: 'peer: PouchDB replication of 100,000 tickets vs ours',
    detail:
      `${options.count.toLocaleString()} tickets made offline, pushed: ours ${ours.toFixed(1)} s (workstation → server on PostgreSQL, each ticket validated, numbered, durable), ` +
      `PouchDB → express-pouchdb in memory ${theirs.toFixed(1)} s: ${ratio >= 1 ? `ours ${ratio.toFixed(1)}× faster` : `PouchDB ${(1 / ratio).toFixed(1)}× faster`}`,
    unit: 's',
    median: ours,
    p99: null,
    target: 'ours ≥ 5× faster',
    met: ratio >= 5,
  };
}
