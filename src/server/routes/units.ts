import type { FastifyPluginAsync } from 'fastify';
import { ticketSchema } from '../../shared/domain/ticket';
import { serverApi } from '../../shared/server-api';
import { type UnitAction, unitActionBodies } from '../../shared/server-api/units';
import { currentUser } from '../plugins/auth';
import { actAsUnit } from '../units/unit-actions';
import { auditRead } from '../audit/audit-log';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Handling units (street offices, departments, utilities) work their tickets here. */
export const unitRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const api = serverApi.units;

  registerRoute(app, db, api.tickets, async (request) => {
    const user = currentUser(request);
    const rows = await db.query<{ state: unknown }>(
      `SELECT state FROM tickets WHERE $1 = ANY (unit_codes) AND ($2::text IS NULL OR status = $2) ORDER BY updated_at LIMIT $3`,
      [user.unitCode, request.query.status ?? null, request.query.limit],
    );
    const tickets = rows.map((r) => ticketSchema.parse(r.state));
    await auditRead(db, user, tickets.map((t) => t.id), 'GET /api/units/tickets');
    return { tickets };
  });

  for (const action of Object.keys(unitActionBodies) as UnitAction[]) {
    registerRoute(app, db, api[action], async (request) => {
      const seq = await actAsUnit(db, currentUser(request), request.params.id, action, request.body, config.timeZone);
      const [row] = await db.query<{ state: unknown }>(`SELECT state FROM tickets WHERE id = $1`, [request.params.id]);
      return { ticket: ticketSchema.parse(row!.state), seq };
    });
  }
};
