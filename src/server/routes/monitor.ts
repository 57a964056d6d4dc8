import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presenceStateSchema } from '../../shared/server-api/live';
import { requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

const summarySchema = z.object({
  byStatus: z.record(z.string(), z.number()),
  openByDistrict: z.record(z.string(), z.number()),
  agents: z.array(z.object({ userId: z.string(), displayName: z.string(), state: presenceStateSchema, since: z.string() })),
});

/** Team leads' view of the centre (the full monitor arrives with its own issue). */
export const monitorRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
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
