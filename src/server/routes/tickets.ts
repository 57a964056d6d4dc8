import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/ids';
import { ticketSchema, ticketStatusSchema } from '../../shared/domain/ticket';
import { sequencedEventSchema } from '../../shared/server-api/sync';
import { AppError } from '../../shared/result';
import { anyRole, currentUser, requireRole } from '../plugins/auth';
import { auditRead } from '../audit/audit-log';
import { ticketEvents, visibleTicket, visibleTickets } from '../tickets/ticket-queries';
import type { RouteContext } from './context';

const listQuery = z.strictObject({
  status: ticketStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ticketRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  app.get(
    '/api/tickets',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Recently changed tickets the caller may see', querystring: listQuery, response: { 200: z.object({ tickets: z.array(ticketSchema) }) } },
    },
    async (request) => {
      const { status, limit } = request.query;
      const tickets = await visibleTickets(db, currentUser(request), { status, limit, first: 'newest' });
      await auditRead(db, currentUser(request), tickets.map((t) => t.id), 'GET /api/tickets');
      return { tickets };
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: {
        summary: 'One ticket with its events',
        params: z.strictObject({ id: idSchema }),
        response: { 200: z.object({ ticket: ticketSchema, events: z.array(sequencedEventSchema) }) },
      },
    },
    async (request) => {
      const ticket = await visibleTicket(db, currentUser(request), request.params.id);
      // A ticket outside the caller's scope is reported as missing: its existence is not theirs to know.
      if (!ticket) throw new AppError('not_found', `No ticket ${request.params.id} that you may see.`);
      const events = await ticketEvents(db, request.params.id);
      await auditRead(db, currentUser(request), [request.params.id], 'GET /api/tickets/:id');
      return { ticket, events };
    },
  );
};
