import type { WebsocketHandler } from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import { type RouteAnswer, type RouteDefinition, type RouteRequestParts, successStatus } from '../../shared/server-api/route';
import type { Database } from '../db/database';
import { requireRole } from '../plugins/auth';

/** A request to `R`, its params, query and body already checked by the entry's schemas. */
export type RouteRequest<R extends RouteDefinition> = FastifyRequest<{
  Params: RouteRequestParts<R>['params'];
  Querystring: RouteRequestParts<R>['query'];
  Body: RouteRequestParts<R>['body'];
}>;

/**
 * Answers `R`: the value is sent with the entry's 2xx status and checked by its schema. A handler
 * that shapes the reply itself (headers, text, a refusal with Retry-After) sends it and returns it.
 */
export type RouteHandler<R extends RouteDefinition> = (
  request: RouteRequest<R>,
  reply: FastifyReply,
) => Promise<RouteAnswer<R> | FastifyReply>;

/** Marks the routes registered from the table; `refuseRoutesOutsideTable` looks for it. */
const fromTable = 'fromRouteTable';

declare module 'fastify' {
  interface FastifyContextConfig {
    fromRouteTable?: true;
  }
}

function fastifySchema(route: RouteDefinition): FastifySchema {
  const response = Object.fromEntries(
    Object.entries(route.responses).map(([status, schema]) =>
      route.produces && Number(status) >= 200 && Number(status) < 300
        ? [status, { content: { [route.produces]: { schema } } }]
        : [status, schema],
    ),
  );
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.params ? { params: route.params } : {}),
    ...(route.query ? { querystring: route.query } : {}),
    ...(route.body ? { body: route.body } : {}),
    ...(route.websocket ? {} : { response }),
    ...(route.access === 'public' ? {} : { security: [{ bearer: [] }] }),
  };
}

function routeOptions(app: FastifyInstance, db: Database, route: RouteDefinition): Omit<RouteOptions, 'handler'> {
  if (!route.path.startsWith(app.prefix)) throw new Error(`${route.path} is registered under ${app.prefix}`);
  return {
    method: route.method,
    url: route.path.slice(app.prefix.length) || '/',
    schema: fastifySchema(route),
    config: { [fromTable]: true as const },
    ...(route.access === 'public' ? {} : { onRequest: requireRole(db, ...route.access) }),
  };
}

/**
 * Registers one entry of the route table with its handler: schema (validation, OpenAPI), the role
 * check before the body is read, and the 2xx status. Under a prefix, the entry's path includes it.
 */
export function registerRoute<R extends RouteDefinition>(app: FastifyInstance, db: Database, route: R, handler: RouteHandler<R>): void {
  const status = route.websocket ? 0 : successStatus(route);
  app.route({
    ...routeOptions(app, db, route),
    handler: async (request, reply) => {
      // The entry's schemas have checked every part before this runs: the request is what they say.
      const answer = await handler(request as RouteRequest<R>, reply);
      return answer === reply ? reply : reply.status(status).send(answer);
    },
  });
}

/** Registers the WebSocket entry (`websocket: true`) with its socket handler. */
export function registerSocketRoute(
  app: FastifyInstance,
  db: Database,
  route: RouteDefinition & { websocket: true },
  handler: WebsocketHandler,
): void {
  app.route({
    ...routeOptions(app, db, route),
    // `wsHandler` without `websocket: true`, which would hide the route from OpenAPI; a plain GET
    // without the upgrade is told what the route wants.
    handler: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(426)
        .header('upgrade', 'websocket')
        .send({ error: { code: 'invalid_request', message: 'Open this as a WebSocket.' } }),
    wsHandler: handler,
  });
}

/**
 * Every route comes from the route table, so OpenAPI, the authorization tests and the client see
 * them all: a route registered any other way stops the server from starting. Fastify's automatic
 * HEAD twins and the OpenAPI document itself are the exceptions.
 */
export function refuseRoutesOutsideTable(app: FastifyInstance, exceptions: readonly string[]): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.[fromTable] || route.method === 'HEAD' || exceptions.includes(route.url)) return;
    throw new Error(
      `${String(route.method)} ${route.url} is not in the route table (src/shared/server-api): declare it there and register it with registerRoute`,
    );
  });
}
