import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { type UnitAction, unitActionBodies } from '../../shared/server-api/units';
import { currentUser } from '../plugins/auth';
import { actAsUnit } from '../units/unit-actions';
import { auditRead } from '../audit/audit-log';
import { ticketById } from '../tickets/ticket-queries';
import { unitTicketsPage } from '../units/unit-queries';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Handling units (street offices, departments, utilities) work their tickets here. */
export const unitRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const api = serverApi.units;

  registerRoute(app, db, api.tickets, async (request) => {
    const user = currentUser(request);
    const page = await unitTicketsPage(db, user, request.query);
    await auditRead(
      db,
      user,
      page.tickets.map((t) => t.id),
      'GET /api/units/tickets',
    );
    return page;
  });

  for (const action of Object.keys(unitActionBodies) as UnitAction[]) {
    registerRoute(app, db, api[action], async (request) => {
      const seq = await actAsUnit(db, currentUser(request), request.params.id, action, request.body, config.timeZone);
      return { ticket: (await ticketById(db, request.params.id))!, seq };
    });
  }
};
