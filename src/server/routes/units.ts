import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { type UnitAction, unitActionBodies } from '../../shared/server-api/units';
import { currentUser } from '../plugins/auth';
import { actAsUnit } from '../units/unit-actions';
import { auditRead } from '../audit/audit-log';
import { ticketById, visibleTickets } from '../tickets/ticket-queries';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Handling units (street offices, departments, utilities) work their tickets here. */
export const unitRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const api = serverApi.units;

  registerRoute(app, db, api.tickets, async (request) => {
    const user = currentUser(request);
    const tickets = await visibleTickets(db, user, { status: request.query.status, limit: request.query.limit, first: 'oldest' });
    await auditRead(
      db,
      user,
      tickets.map((t) => t.id),
      'GET /api/units/tickets',
    );
    return { tickets };
  });

  for (const action of Object.keys(unitActionBodies) as UnitAction[]) {
    registerRoute(app, db, api[action], async (request) => {
      const seq = await actAsUnit(db, currentUser(request), request.params.id, action, request.body, config.timeZone);
      return { ticket: (await ticketById(db, request.params.id))!, seq };
    });
  }
};
