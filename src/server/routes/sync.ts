import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { centreTimeZoneHeader } from '../../shared/server-api/reference';
import { bootstrapPage, callerIndexPage, ticketHistories } from '../events/bootstrap';
import { pullEvents } from '../events/pull';
import { pushEvents } from '../events/push';
import { currentUser } from '../plugins/auth';
import { referenceAfter } from '../reference/reference-store';
import { auditRead } from '../audit/audit-log';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

export const syncRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config, metrics }) => {
  const api = serverApi.sync;

  registerRoute(app, db, api.push, async (request) => {
    const outcome = await pushEvents(db, request.body.events, { user: currentUser(request), timeZone: config.timeZone });
    for (const result of outcome.results) metrics.pushedEvents.inc({ status: result.status });
    return outcome;
  });

  registerRoute(app, db, api.pull, async (request) => {
    const page = await pullEvents(db, currentUser(request), request.query.after, request.query.limit);
    await auditRead(db, currentUser(request), [...new Set(page.events.map((e) => e.event.ticketId))], 'sync pull');
    return page;
  });

  registerRoute(app, db, api.bootstrap, async (request) => {
    const page = await bootstrapPage(db, currentUser(request), request.query);
    await auditRead(
      db,
      currentUser(request),
      page.tickets.map((events) => events[0]!.event.ticketId),
      'sync bootstrap',
    );
    return page;
  });

  registerRoute(app, db, api.ticketHistories, async (request) => {
    const events = await ticketHistories(db, currentUser(request), request.body.ids);
    await auditRead(db, currentUser(request), [...new Set(events.map((e) => e.event.ticketId))], 'sync ticket histories');
    return { events };
  });

  registerRoute(app, db, api.callerIndex, async (request) => {
    const page = await callerIndexPage(db, currentUser(request), request.query);
    await auditRead(
      db,
      currentUser(request),
      page.entries.map((e) => e.ticketId),
      'sync caller index',
    );
    return page;
  });

  registerRoute(app, db, api.reference, async (request, reply) => {
    reply.header(centreTimeZoneHeader, config.timeZone);
    return referenceAfter(db, request.query.after, request.query.limit, (item) =>
      request.log.error(
        `[reference] ${item.kind} ${item.code} left out of the page: its stored body does not match its kind (${item.reason})`,
      ),
    );
  });
};
