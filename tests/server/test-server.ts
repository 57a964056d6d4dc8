import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildServer } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { demoPassword } from '../../src/server/seed/seed';
import { createDatabase } from '../support/postgres-cluster';
import { templateDatabase } from './global-setup';
import type { PushResult } from '../../src/shared/server-api/sync';

export const engines = ['pglite', 'postgres'] as const;
export type Engine = (typeof engines)[number];

/** A new database cloned from the run's template (schema, reference data, demo users). */
export async function freshDatabase(engine: Engine): Promise<{ db: Database; url: string | null }> {
  if (engine === 'pglite') {
    const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return { db: await openPglite({ loadDataDir: template }), url: null };
  }
  const url = await createDatabase(inject('postgresUrl'), `test_${randomBytes(6).toString('hex')}`, templateDatabase);
  return { db: await openPostgres(url), url };
}

export const testConfig = (overrides: Record<string, string> = {}) => loadConfig({ LOG_LEVEL: 'silent', ...overrides });

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  /** The PostgreSQL URL of this server's database (null on PGlite). */
  url: string | null;
  /** A session token for a demo user; logs in once per server. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(engine: Engine): Promise<TestServer> {
  const { db, url } = await freshDatabase(engine);
  const app = await buildServer({
    db,
    config: testConfig(process.env.TEST_SERVER_LOG ? { LOG_LEVEL: 'error' } : {}),
    logger: process.env.TEST_SERVER_LOG ? undefined : false,
  });
  const tokens = new Map<string, Promise<string>>();
  const login = async (username: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    return (response.json() as { token: string }).token;
  };
  return {
    app,
    db,
    url,
    token: (username) => {
      if (!tokens.has(username)) tokens.set(username, login(username));
      return tokens.get(username)!;
    },
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Pushes events as a demo user (agent1 unless named), answered as the workstation reads a push. */
export async function pushAs(server: TestServer, events: unknown[], username = 'agent1') {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: bearer(await server.token(username)),
    payload: { events },
  });
  return { status: response.statusCode, body: response.json() as { results: PushResult[]; head: number } };
}
