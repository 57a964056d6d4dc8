import type { FastifyPluginAsync } from 'fastify';
import { ticketSchema } from '../../shared/domain/ticket';
import { serverApi } from '../../shared/server-api';
import type { User } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { type EventRow, eventColumns, sequencedFromRow } from '../events/event-rows';
import { seesAllTickets } from '../events/pull';
import { currentUser } from '../plugins/auth';
import { auditRead } from '../audit/audit-log';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** SQL condition and parameter limiting tickets to what `user` may see. */
const scope = (user: User, param: number) =>
  seesAllTickets(user) ? { sql: 'TRUE', params: [] as string[] } : { sql: `$${param} = ANY (unit_codes)`, params: [user.unitCode ?? ''] };

export const ticketRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  registerRoute(app, db, serverApi.tickets.list, async (request) => {
    const { status, limit } = request.query;
    const visible = scope(currentUser(request), 3);
    const rows = await db.query<{ state: unknown }>(
      `SELECT state FROM tickets WHERE ($1::text IS NULL OR status = $1) AND ${visible.sql}
       ORDER BY updated_at DESC, id LIMIT $2`,
      [status ?? null, limit, ...visible.params],
    );
    const tickets = rows.map((r) => ticketSchema.parse(r.state));
    await auditRead(db, currentUser(request), tickets.map((t) => t.id), 'GET /api/tickets');
    return { tickets };
  });

  registerRoute(app, db, serverApi.tickets.get, async (request) => {
    const visible = scope(currentUser(request), 2);
    const [row] = await db.query<{ state: unknown }>(`SELECT state FROM tickets WHERE id = $1 AND ${visible.sql}`, [
      request.params.id,
      ...visible.params,
    ]);
    // A ticket outside the caller's scope is reported as missing: its existence is not theirs to know.
    if (!row) throw new AppError('not_found', `No ticket ${request.params.id} that you may see.`);
    const events = await db.query<EventRow>(`SELECT ${eventColumns()} FROM events WHERE ticket_id = $1 ORDER BY seq`, [request.params.id]);
    await auditRead(db, currentUser(request), [request.params.id], 'GET /api/tickets/:id');
    return { ticket: ticketSchema.parse(row.state), events: events.map(sequencedFromRow) };
  });
};
