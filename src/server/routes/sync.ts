import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { referenceQuerySchema, referenceResponseSchema } from '../../shared/server-api/reference';
import {
  bootstrapQuerySchema,
  bootstrapResponseSchema,
  callerIndexQuerySchema,
  callerIndexResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  ticketHistoryRequestSchema,
  ticketHistoryResponseSchema,
} from '../../shared/server-api/sync';
import { bootstrapPage, callerIndexPage, ticketHistories } from '../events/bootstrap';
import { pullEvents } from '../events/pull';
import { pushEvents } from '../events/push';
import { anyRole, currentUser, requireRole } from '../plugins/auth';
import { referenceAfter } from '../reference/reference-store';
import { auditRead } from '../audit/audit-log';
import type { RouteContext } from './context';

export const syncRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config, metrics }) => {
  app.post(
    '/api/sync/push',
    {
      // Units act on tickets through their own routes, not by pushing events.
      onRequest: requireRole(db, 'agent', 'lead', 'admin'),
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
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Events after a cursor, in order, within the caller’s scope', querystring: pullQuerySchema, response: { 200: pullResponseSchema } },
    },
    async (request) => {
      const page = await pullEvents(db, currentUser(request), request.query.after, request.query.limit);
      await auditRead(db, currentUser(request), [...new Set(page.events.map((e) => e.event.ticketId))], 'sync pull');
      return page;
    },
  );

  app.get(
    '/api/sync/bootstrap',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Whole tickets in a cache scope, a page of tickets at a time (new workstations)', querystring: bootstrapQuerySchema, response: { 200: bootstrapResponseSchema } },
    },
    async (request) => {
      const page = await bootstrapPage(db, currentUser(request), request.query);
      await auditRead(db, currentUser(request), page.tickets.map((events) => events[0]!.event.ticketId), 'sync bootstrap');
      return page;
    },
  );

  app.post(
    '/api/sync/tickets',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Whole histories of named tickets (a cache meeting a ticket it does not hold)', body: ticketHistoryRequestSchema, response: { 200: ticketHistoryResponseSchema } },
    },
    async (request) => {
      const events = await ticketHistories(db, currentUser(request), request.body.ids);
      await auditRead(db, currentUser(request), [...new Set(events.map((e) => e.event.ticketId))], 'sync ticket histories');
      return { events };
    },
  );

  app.get(
    '/api/sync/caller-index',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Short rows of older tickets by caller, for a year of caller history', querystring: callerIndexQuerySchema, response: { 200: callerIndexResponseSchema } },
    },
    async (request) => {
      const page = await callerIndexPage(db, currentUser(request), request.query);
      await auditRead(db, currentUser(request), page.entries.map((e) => e.ticketId), 'sync caller index');
      return page;
    },
  );

  app.get(
    '/api/reference',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Reference data changed after a version', querystring: referenceQuerySchema, response: { 200: referenceResponseSchema } },
    },
    async (request) =>
      referenceAfter(db, request.query.after, request.query.limit, (item) =>
        request.log.error(`[reference] ${item.kind} ${item.code} left out of the page: its stored body does not match its kind (${item.reason})`),
      ),
  );
};
