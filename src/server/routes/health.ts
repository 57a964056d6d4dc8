import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eventHead } from '../events/pull';
import type { RouteContext } from './context';

export const healthRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['postgres', 'pglite']), head: z.number() }) },
      },
    },
    async () => ({ status: 'ok' as const, engine: db.engine, head: await eventHead(db) }),
  );
};
