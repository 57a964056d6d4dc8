import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/ids';
import { ticketSchema, ticketStatusSchema } from '../../shared/domain/ticket';
import type { User } from '../../shared/server-api/auth';
import { sequencedEventSchema } from '../../shared/server-api/sync';
import { AppError } from '../../shared/result';
import { type EventRow, eventColumns, sequencedFromRow } from '../events/event-rows';
import { seesAllTickets } from '../events/pull';
import { anyRole, currentUser, requireRole } from '../plugins/auth';
import { auditRead } from '../audit/audit-log';
import type { RouteContext } from './context';

const listQuery = z.strictObject({
  status: ticketStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** SQL condition and parameter limiting tickets to what `user` may see. */
const scope = (user: User, param: number) =>
  seesAllTickets(user) ? { sql: 'TRUE', params: [] as string[] } : { sql: `$${param} = ANY (unit_codes)`, params: [user.unitCode ?? ''] };

export const ticketRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  app.get(
    '/api/tickets',
    {
      onRequest: requireRole(db, ...anyRole),
      schema: { summary: 'Recently changed tickets the caller may see', querystring: listQuery, response: { 200: z.object({ tickets: z.array(ticketSchema) }) } },
    },
    async (request) => {
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
    },
  );
};
