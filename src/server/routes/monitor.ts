import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { v7 } from 'uuid';
import { ratesCsv } from '../../shared/domain/rates';
import { serverApi } from '../../shared/server-api';
import type { presenceStateSchema } from '../../shared/server-api/live';
import { announce } from '../live/live-hub';
import { monitorRates, monitorSnapshot, referenceNames } from '../monitor/monitor-queries';
import { currentUser } from '../plugins/auth';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Team leads' view of the centre: a snapshot, then deltas over /api/live; rates; notices; incidents. */
export const monitorRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const api = serverApi.monitor;

  registerRoute(app, db, api.snapshot, async () => monitorSnapshot(db, config.timeZone));

  registerRoute(app, db, api.rates, async (request) => {
    const { from, to, by } = request.query;
    return { from, to, by, rows: await monitorRates(db, from, to, by) };
  });

  registerRoute(app, db, api.ratesCsv, async (request, reply) => {
    const { from, to, by } = request.query;
    const csv = ratesCsv(await monitorRates(db, from, to, by), await referenceNames(db, by));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="rates-${by}-${from.slice(0, 10)}-${to.slice(0, 10)}.csv"`)
      .send(csv);
  });

  registerRoute(app, db, api.notice, async (request) => {
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
    return { id: row!.id, sentAt: row!.sent_at.toISOString() };
  });

  registerRoute(app, db, api.incident, async (request) => {
    const user = currentUser(request);
    const id = v7();
    const linked = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO incidents (id, title, created_by) VALUES ($1, $2, $3)`, [id, request.body.title, user.id]);
      const rows = await tx.query<{ id: string }>(`UPDATE tickets SET incident_id = $1 WHERE id = ANY($2::uuid[]) RETURNING id`, [id, request.body.ticketIds]);
      // The incident's id, not its tickets': a notification holds 8,000 bytes, an incident hundreds of ids.
      await announce(tx, 'incident', id);
      return rows.length;
    });
    return { id, linked };
  });

  registerRoute(app, db, api.summary, async () => {
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
  });
};
