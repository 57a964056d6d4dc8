import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referenceQuerySchema, referenceResponseSchema } from '../../shared/server-api/reference';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../shared/server-api/sync';
import { pullEvents } from '../events/pull';
import { pushEvents } from '../events/push';
import { anyRole, currentUser, requireRole } from '../plugins/auth';
import { referenceAfter } from '../reference/reference-store';
import type { RouteContext } from './context';

export const syncRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config, metrics }) => {
  app.post(
    '/api/sync/push',
    {
      // Units act on tickets through their own routes, not by pushing events.
      preHandler: requireRole(db, 'agent', 'lead', 'admin'),
      schema: {
        summary: 'Push outbox events: each is accepted, a duplicate, or rejected with a reason',
        body: pushRequestSchema,
        response: { 200: pushResponseSchema },
      },
    },
    async (request) => {
      const outcome = await pushEvents(db, request.body.events, { user: currentUser(request), timeZone: config.timeZone });
      for (const result of outcome.results) metrics.pushedEvents.inc({ status: result.status });
      return outcome;
    },
  );

  app.get(
    '/api/sync/pull',
    {
      preHandler: requireRole(db, ...anyRole),
      schema: { summary: 'Events after a cursor, in order, within the caller’s scope', querystring: pullQuerySchema, response: { 200: pullResponseSchema } },
    },
    async (request) => pullEvents(db, currentUser(request), request.query.after, request.query.limit),
  );

  app.get(
    '/api/reference',
    {
      preHandler: requireRole(db, ...anyRole),
      schema: { summary: 'Reference data changed after a version', querystring: referenceQuerySchema, response: { 200: referenceResponseSchema } },
    },
    async (request) => referenceAfter(db, request.query.after, request.query.limit),
  );
};
