import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/ids';
import { ticketSchema, ticketStatusSchema } from '../../shared/domain/ticket';
import { type UnitAction, unitActionBodies, unitActionResponseSchema } from '../../shared/server-api/units';
import { currentUser, requireRole } from '../plugins/auth';
import { actAsUnit } from '../units/unit-actions';
import { auditRead } from '../audit/audit-log';
import { ticketById, visibleTickets } from '../tickets/ticket-queries';
import type { RouteContext } from './context';

/** Handling units (street offices, departments, utilities) work their tickets here (DESIGN.md §7). */
export const unitRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config }) => {
  const unit = requireRole(db, 'unit');

  app.get(
    '/api/units/tickets',
    {
      onRequest: unit,
      schema: {
        summary: "The unit's tickets, oldest dispatch first",
        querystring: z.strictObject({ status: ticketStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ tickets: z.array(ticketSchema) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const tickets = await visibleTickets(db, user, { status: request.query.status, limit: request.query.limit, first: 'oldest' });
      await auditRead(db, user, tickets.map((t) => t.id), 'GET /api/units/tickets');
      return { tickets };
    },
  );

  for (const action of Object.keys(unitActionBodies) as UnitAction[]) {
    app.post(
      `/api/units/tickets/:id/${action}`,
      {
        onRequest: unit,
        schema: {
          summary: `The unit ${action === 'extension' ? 'asks for more time' : action === 'return' ? 'returns the ticket, with a reason' : `${action === 'accept' ? 'accepts' : `reports ${action} on`} the ticket`}`,
          params: z.strictObject({ id: idSchema }),
          body: unitActionBodies[action],
          response: { 200: unitActionResponseSchema },
        },
      },
      async (request) => {
        const seq = await actAsUnit(db, currentUser(request), request.params.id, action, request.body as Record<string, unknown>, config.timeZone);
        return { ticket: (await ticketById(db, request.params.id))!, seq };
      },
    );
  }
};
