import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { type Core, type CoreOptions, openCore, ownerOnlyCacheKey } from '../../src/main/core';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { sql } from '../../src/server/db/sql';
import { tempDir } from '../support/temp-dir';
import { until } from '../support/until';
import { type Engine, freshDatabase, testConfig } from './test-server';

/**
 * Real servers on loopback and real workstation cores on temporary SQLite files, for tests of the
 * two together. Everything opened is closed after each test, newest first.
 */
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** Closes this after the current test, before anything opened earlier. */
export const onCleanup = (close: () => Promise<void>): void => {
  opened.push({ close });
};

export async function serve(db: Database, port = 0): Promise<{ app: FastifyInstance; url: string; port: number }> {
  const app = await buildServer({ db, config: testConfig(), logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const actual = (app.server.address() as AddressInfo).port;
  return { app, url: `http://127.0.0.1:${actual}/`, port: actual };
}

/** A fresh database with the server listening on it, closed after the test. */
export async function centre(engine: Engine) {
  const { db } = await freshDatabase(engine);
  const server = await serve(db);
  opened.push({
    close: async () => {
      await server.app.close();
      await db.close();
    },
  });
  return { db, server };
}

export function workstation(
  serverUrl: string,
  code: string,
  serverFetch?: typeof fetch,
  syncPollMs = 200,
  more: Partial<CoreOptions> = {},
): Core {
  const dataDir = tempDir();
  const core = openCore({
    dataDir,
    cacheKey: ownerOnlyCacheKey(dataDir),
    host: 'web',
    version: 'test',
    workstationCode: code,
    serverUrl,
    serverFetch,
    syncPollMs,
    ...more,
  });
  opened.push(core);
  return core;
}

/** Calls the core as the UI does; a refused call throws with its code. */
export async function call<T>(core: Core, name: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The agent's presence on the server: set once the live socket is welcomed. */
export const liveSocketUp = (db: Database, username: string) =>
  until(`${username}'s live socket welcomed`, async () => {
    const rows = await db.query<{ state: string }>(
      sql`SELECT p.state FROM presence p JOIN users u ON u.id = p.user_id WHERE u.username = ${username}`,
    );
    return rows[0]?.state === 'available';
  });
