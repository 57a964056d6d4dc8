import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { v7 } from 'uuid';
import { ratesCsv } from '../../shared/domain/rates';
import { presenceStateSchema } from '../../shared/server-api/live';
import {
  incidentResponseSchema,
  incidentSchema,
  monitorSnapshotSchema,
  noticeSchema,
  ratesQuerySchema,
  ratesResponseSchema,
} from '../../shared/server-api/monitor';
import { announce } from '../live/live-hub';
import { monitorRates, monitorSnapshot, referenceNames } from '../monitor/monitor-queries';
import { currentUser, requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

const summarySchema = z.object({
  byStatus: z.record(z.string(), z.number()),
  openByDistrict: z.record(z.string(), z.number()),
  agents: z.array(z.object({ userId: z.string(), displayName: z.string(), state: presenceStateSchema, since: z.string() })),
});

/** Team leads' view of the centre: a snapshot, then deltas over /api/live; rates; notices; incidents. */
export const monitorRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config }) => {
  const leads = requireRole(db, 'lead', 'admin');

  app.get(
    '/api/monitor/snapshot',
    { onRequest: leads, schema: { summary: 'Open tickets with deadlines, agents, waiting calls and hot spots, as of one event head', response: { 200: monitorSnapshotSchema } } },
    async () => monitorSnapshot(db, config.timeZone),
  );

  app.get(
    '/api/monitor/rates',
    { onRequest: leads, schema: { summary: 'Response, resolution and satisfaction rates per unit or district over [from, to)', querystring: ratesQuerySchema, response: { 200: ratesResponseSchema } } },
    async (request) => {
      const { from, to, by } = request.query;
      return { from, to, by, rows: await monitorRates(db, from, to, by) };
    },
  );

  app.get(
    '/api/monitor/rates.csv',
    { onRequest: leads, schema: { summary: 'The same rates as CSV (UTF-8 with BOM)', querystring: ratesQuerySchema } },
    async (request, reply) => {
      const { from, to, by } = request.query;
      const csv = ratesCsv(await monitorRates(db, from, to, by), await referenceNames(db, by));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rates-${by}-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/monitor/notices',
    { onRequest: leads, schema: { summary: "Broadcasts a short notice to every agent's status bar", body: noticeSchema, response: { 201: z.strictObject({ id: z.string(), sentAt: z.string() }) } } },
    async (request, reply) => {
      const user = currentUser(request);
      // Told in the same transaction: once the notice is saved, nothing can fail after the commit.
      const row = await db.transaction(async (tx) => {
        const [saved] = await tx.query<{ id: string; sent_at: Date }>(`INSERT INTO notices (id, text, sent_by) VALUES ($1, $2, $3) RETURNING id, sent_at`, [
          v7(),
          request.body.text,
          user.id,
        ]);
        await announce(tx, 'notice', saved!.id);
        return saved;
      });
      return reply.status(201).send({ id: row!.id, sentAt: row!.sent_at.toISOString() });
    },
  );

  app.post(
    '/api/monitor/incidents',
    { onRequest: leads, schema: { summary: 'Links a cluster of tickets to one incident (a burst main, a power cut)', body: incidentSchema, response: { 201: incidentResponseSchema } } },
    async (request, reply) => {
      const user = currentUser(request);
      const id = v7();
      const linked = await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO incidents (id, title, created_by) VALUES ($1, $2, $3)`, [id, request.body.title, user.id]);
        const rows = await tx.query<{ id: string }>(`UPDATE tickets SET incident_id = $1 WHERE id = ANY($2::uuid[]) RETURNING id`, [id, request.body.ticketIds]);
        // The incident's id, not its tickets': a notification holds 8,000 bytes, an incident hundreds of ids.
        await announce(tx, 'incident', id);
        return rows.length;
      });
      return reply.status(201).send({ id, linked });
    },
  );

  app.get(
    '/api/monitor/summary',
    { onRequest: requireRole(db, 'lead', 'admin'), schema: { summary: 'Ticket counts and agent presence', response: { 200: summarySchema } } },
    async () => {
      const byStatus = await db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM tickets GROUP BY status`);
      const byDistrict = await db.query<{ district: string; n: number }>(
        `SELECT coalesce(district_code, 'unknown') AS district, count(*)::int AS n FROM tickets WHERE status <> 'closed' GROUP BY 1`,
      );
      const agents = await db.query<{ user_id: string; display_name: string; state: z.infer<typeof presenceStateSchema>; since: Date }>(
        `SELECT p.user_id, u.display_name, p.state, p.since FROM presence p JOIN users u ON u.id = p.user_id ORDER BY u.display_name`,
      );
      return {
        byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
        openByDistrict: Object.fromEntries(byDistrict.map((r) => [r.district, r.n])),
        agents: agents.map((a) => ({ userId: a.user_id, displayName: a.display_name, state: a.state, since: a.since.toISOString() })),
      };
    },
  );
};
