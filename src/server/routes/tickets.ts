import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { AppError } from '../../shared/result';
import { currentUser } from '../plugins/auth';
import { auditRead } from '../audit/audit-log';
import { ticketEvents, visibleTicket, visibleTickets } from '../tickets/ticket-queries';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

export const ticketRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  registerRoute(app, db, serverApi.tickets.list, async (request) => {
    const { status, limit } = request.query;
    const tickets = await visibleTickets(db, currentUser(request), { status, limit, first: 'newest' });
    await auditRead(
      db,
      currentUser(request),
      tickets.map((t) => t.id),
      'GET /api/tickets',
    );
    return { tickets };
  });

  registerRoute(app, db, serverApi.tickets.get, async (request) => {
    const ticket = await visibleTicket(db, currentUser(request), request.params.id);
    // A ticket outside the caller's scope is reported as missing: its existence is not theirs to know.
    if (!ticket) throw new AppError('not_found', `No ticket ${request.params.id} that you may see.`);
    const events = await ticketEvents(db, request.params.id);
    await auditRead(db, currentUser(request), [request.params.id], 'GET /api/tickets/:id');
    return { ticket, events };
  });
};
