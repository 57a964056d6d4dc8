import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Database } from '../../src/server/db/database';
import { demoPassword } from '../../src/server/seed/seed';
import { startChildServer } from '../support/child-host';
import { freePort } from '../support/postgres-cluster';
import { tcpRelay } from '../support/tcp-relay';
import { until } from '../support/until';
import { freshDatabase } from './test-server';
import { call, liveSocketUp, onCleanup, serve, workstation } from './workstations';

/** The state the status bar shows. */
const connection = async (core: Core) => (await call<SyncStatus>(core, 'sync.status')).connection;

/** Waits for the status bar to say `state` and answers how long that took. */
async function msUntil(core: Core, state: SyncStatus['connection'], what: string): Promise<number> {
  const start = Date.now();
  await until(what, async () => (await connection(core)) === state, 20_000);
  const ms = Date.now() - start;
  console.log(`[heartbeat] ${what}: ${ms} ms`);
  return ms;
}

/** The workstation's requests to the server, counted until their whole answer is read. */
function countedFetch() {
  const counts = { inFlight: 0, started: 0 };
  const counted: typeof fetch = async (input, init) => {
    counts.inFlight += 1;
    counts.started += 1;
    try {
      const response = await fetch(input, init);
      return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
    } finally {
      counts.inFlight -= 1;
    }
  };
  return { counted, counts };
}

// A sync round every minute at most: the status bar's changes in these tests come from the live socket.
const rarePollMs = 60_000;

/**
 * A workstation signed in, its live socket welcomed and no request of a sync round in flight:
 * a round failing in the outage would change the state too, and the test is of the socket alone.
 */
async function signedInWorkstation(db: Database, serverUrl: string, code: string, heartbeatMs?: number) {
  const { counted, counts } = countedFetch();
  const core = workstation(serverUrl, code, counted, rarePollMs, heartbeatMs ? { liveHeartbeatMs: heartbeatMs } : {});
  await call(core, 'auth.signIn', { username: 'agent2', password: demoPassword });
  await liveSocketUp(db, 'agent2');
  await until('online with no request in flight', async () => (await connection(core)) === 'online' && counts.inFlight === 0);
  const startedBefore = counts.started;
  /** No sync round has asked the server anything since the workstation was ready. */
  const noRoundSince = () => expect(counts.started).toBe(startedBefore);
  return { core, noRoundSince };
}

// The heartbeat is the socket's own: these tests run on one engine. A server process killed needs a
// database a second process can open, so PostgreSQL; the silent network runs on PGlite.
describe('the connection state follows the live socket', () => {
  it('a killed server process is shown unreachable within 3 s, and online within 3 s of its restart (default heartbeat)', async () => {
    const { db, url } = await freshDatabase('postgres');
    onCleanup(() => db.close());
    const port = await freePort();
    let server = await startChildServer(url!, { port });
    onCleanup(() => server.kill());
    const { core, noRoundSince } = await signedInWorkstation(db, server.url, 'HBKA');

    await server.kill();
    expect(await msUntil(core, 'unreachable', 'unreachable after the kill')).toBeLessThan(3000);
    noRoundSince();

    server = await startChildServer(url!, { port });
    expect(await msUntil(core, 'online', 'online after the restart')).toBeLessThan(3000);
  });

  it.each([
    ['a short heartbeat', 200, 3000],
    ['the default heartbeat', undefined, 3000],
  ])('a network that goes silent without a word is noticed with %s, and its return too', async (_, heartbeatMs, boundMs) => {
    const { db } = await freshDatabase('pglite');
    const server = await serve(db);
    onCleanup(async () => {
      await server.app.close();
      await db.close();
    });
    const relay = await tcpRelay(server.port);
    onCleanup(() => relay.close());
    const { core, noRoundSince } = await signedInWorkstation(
      db,
      `http://127.0.0.1:${relay.port}/`,
      heartbeatMs ? 'HBSA' : 'HBSB',
      heartbeatMs,
    );

    relay.silent = true; // no FIN, no RST: the socket stays open and nothing comes back
    expect(await msUntil(core, 'unreachable', 'unreachable once the network is silent')).toBeLessThan(boundMs);
    noRoundSince();
    // Still unreachable while it stays silent: reconnecting through the relay does not fool it.
    await until('a reconnect tried through the silent relay', () => relay.connections() >= 2);
    expect(await connection(core)).toBe('unreachable');

    relay.silent = false;
    expect(await msUntil(core, 'online', 'online once the network is back')).toBeLessThan(boundMs);
  });
});
