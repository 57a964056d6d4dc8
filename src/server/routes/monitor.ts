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
import { monitorRates, monitorSnapshot, monitorSummary, referenceNames } from '../monitor/monitor-queries';
import { createIncident, saveNotice } from '../monitor/notices';
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
        const saved = await saveNotice(tx, request.body.text, user.id);
        await announce(tx, 'notice', saved.id);
        return saved;
      });
      return reply.status(201).send({ id: row.id, sentAt: row.sentAt.toISOString() });
    },
  );

  app.post(
    '/api/monitor/incidents',
    { onRequest: leads, schema: { summary: 'Links a cluster of tickets to one incident (a burst main, a power cut)', body: incidentSchema, response: { 201: incidentResponseSchema } } },
    async (request, reply) => {
      const user = currentUser(request);
      const id = v7();
      const linked = await db.transaction(async (tx) => {
        const count = await createIncident(tx, { id, title: request.body.title, createdBy: user.id, ticketIds: request.body.ticketIds });
        // The incident's id, not its tickets': a notification holds 8,000 bytes, an incident hundreds of ids.
        await announce(tx, 'incident', id);
        return count;
      });
      return reply.status(201).send({ id, linked });
    },
  );

  app.get(
    '/api/monitor/summary',
    { onRequest: requireRole(db, 'lead', 'admin'), schema: { summary: 'Ticket counts and agent presence', response: { 200: summarySchema } } },
    async () => monitorSummary(db),
  );
};
