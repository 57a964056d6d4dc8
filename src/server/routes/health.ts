import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { eventHead } from '../events/pull';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';
import { homePage, homePageHeaders } from './home-page';

export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, metrics }) => {
  registerRoute(app, db, serverApi.health.home, async (_request, reply) => reply.headers(homePageHeaders).send(homePage));
  registerRoute(app, db, serverApi.health.health, async () => ({ status: 'ok' as const, engine: db.engine, head: await eventHead(db) }));
  registerRoute(app, db, serverApi.health.metrics, async (_request, reply) =>
    reply.header('content-type', metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
};
