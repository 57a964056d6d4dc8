import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/event-bus';
import { newCacheKey } from '../../src/main/store/cache-key';
import { defaultCacheScope } from '../../src/main/store/cache-scope-store';
import { openDatabase } from '../../src/main/store/database';
import { ServerClient } from '../../src/main/sync/server-client';
import { SessionSignIn } from '../../src/main/sync/session-signin';
import { SyncLoop } from '../../src/main/sync/sync-loop';
import { demoPassword } from '../../src/server/seed/seed';
import { manualSchedule } from '../support/manual-schedule';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { engines, freshDatabase } from './test-server';
import { onCleanup, serve } from './workstations';

const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const pollMs = 60_000;

describe.each(engines)('the sync loop against a real server on %s', (engine) => {
  it('polls while signed out, syncs at sign-in, backs off from a lost server with growing waits, starts over once back, and signs out when the server ends the session', async () => {
    const { db: serverDb } = await freshDatabase(engine);
    let server = await serve(serverDb);
    const { port, url } = server;
    onCleanup(async () => {
      await server.app.close();
      await serverDb.close();
    });
    const db = openDatabase(path.join(tempDir(), 'cache.sqlite3'), newCacheKey());
    const client = new ServerClient({ baseUrl: url });
    const signin = new SessionSignIn({ db, client, workstationId: 'ws-loop', now: () => new Date() });
    const clock = manualSchedule();
    const online: string[] = [];
    let signedOut = 0;
    const loop = new SyncLoop({
      db,
      bus: new EventBus(),
      client,
      signin,
      now: () => new Date(),
      random: () => 1,
      log: quiet,
      pollMs,
      pullPage: 500,
      scope: defaultCacheScope,
      bootstrapPage: 2000,
      schedule: clock.schedule,
      onOnline: (token) => online.push(token),
      onSignedOut: () => (signedOut += 1),
    });
    onCleanup(async () => {
      await loop.stop();
      db.close();
    });
    /** The loop has settled in `connection` and waits `ms` for its next round. */
    const settled = (connection: string, ms: number) =>
      until(
        `${connection}, waiting ${ms} ms`,
        () => loop.status().connection === connection && clock.pending().length === 1 && clock.pending()[0]!.ms === ms,
      );

    loop.start();
    await settled('signed_out', pollMs);
    await signin.signIn('agent1', demoPassword);
    await settled('online', pollMs);
    expect(online).toEqual([signin.session.token()]);
    expect(loop.status().lastSyncAt).not.toBeNull();

    await server.app.close();
    clock.fire();
    // With the jitter at its top each wait is its ceiling: 0.5 s, doubling.
    await settled('unreachable', 500);
    clock.fire();
    await settled('unreachable', 1000);
    clock.fire();
    await settled('unreachable', 2000);
    // A local write wakes it from its backoff: it tries at once and, failing again, waits longer.
    loop.wake();
    await settled('unreachable', 4000);
    expect(clock.delays().slice(-5)).toEqual([pollMs, 500, 1000, 2000, 4000]);

    server = await serve(serverDb, port);
    clock.fire();
    await settled('online', pollMs);
    await server.app.close();
    clock.fire();
    await settled('unreachable', 500);

    server = await serve(serverDb, port);
    clock.fire();
    await settled('online', pollMs);
    await client.logout(signin.session.token()!);
    clock.fire();
    await settled('signed_out', pollMs);
    expect(signin.session.token()).toBeNull();
    expect(signin.knownUser()?.username).toBe('agent1');
    expect(signedOut).toBeGreaterThan(0);
    expect(online.length).toBe(3);
  });
});
