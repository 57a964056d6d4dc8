import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, openApiDocumentPath } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { refuseRoutesOutsideTable, registerRoute } from '../../src/server/routes/register-route';
import { allRoutes, serverApi } from '../../src/shared/server-api';
import { fillPath, openApiPath, searchOf } from '../../src/shared/server-api/route';
import { freshDatabase, testConfig } from './test-server';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('the route table', () => {
  let db: Database;
  let app: FastifyInstance;
  const registered: string[] = [];
  beforeAll(async () => {
    ({ db } = await freshDatabase('pglite'));
    const record = (route: RouteOptions) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push(key(method, route.url));
    };
    app = await buildServer({ db, config: testConfig(), logger: false, onRoute: record });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('is what the server serves and what /openapi.json documents, route for route', async () => {
    const table = allRoutes().map((route) => key(route.method, openApiPath(route.path)));
    expect(new Set(table).size, 'no route is declared twice').toBe(table.length);
    const served = registered.filter((route) => route !== key('GET', openApiDocumentPath)).map((route) => route.replace(/:(\w+)/g, '{$1}'));
    expect(served.sort()).toEqual([...table].sort());
    const doc = (await app.inject({ url: openApiDocumentPath })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => key(method, path)));
    expect(documented.sort()).toEqual([...table].sort());
  });

  it('marks the routes that need a session in OpenAPI, and documents the socket and the text answers', async () => {
    const doc = (await app.inject({ url: openApiDocumentPath })).json() as {
      paths: Record<
        string,
        Record<string, { security?: unknown; description?: string; responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
    };
    expect(doc.paths['/api/sync/pull']!.get!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/healthz']!.get!.security).toBeUndefined();
    expect(doc.paths['/api/live']!.get!.description).toContain('hello');
    expect(Object.keys(doc.paths['/api/monitor/rates.csv']!.get!.responses['200']!.content!)).toEqual(['text/csv; charset=utf-8']);
    expect(Object.keys(doc.paths['/open311/v2/services.xml']!.get!.responses['200']!.content!)).toEqual(['text/xml; charset=utf-8']);
  });

  it('refuses to register a route that is not in it', async () => {
    const bare = Fastify();
    bare.setValidatorCompiler(validatorCompiler);
    bare.setSerializerCompiler(serializerCompiler);
    refuseRoutesOutsideTable(bare, []);
    registerRoute(bare, db, serverApi.health.health, async () => ({ status: 'ok' as const, engine: db.engine, head: 0 }));
    expect(() => bare.get('/elsewhere', async () => 'hidden')).toThrow(/GET \/elsewhere is not in the route table/);
    await bare.close();
  });

  it('builds the URL a client calls from an entry', () => {
    expect(fillPath(serverApi.admin.changeUser.path, { id: 'a b/c' })).toBe('/api/admin/users/a%20b%2Fc');
    expect(() => fillPath(serverApi.admin.changeUser.path, {})).toThrow(/needs the parameter id/);
    expect(searchOf({ after: 3, limit: undefined, status: ['open', 'closed'] })).toBe('?after=3&status=open&status=closed');
    expect(searchOf({})).toBe('');
  });
});
