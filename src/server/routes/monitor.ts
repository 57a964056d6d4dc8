import type { FastifyPluginAsync } from 'fastify';
import { v7 } from 'uuid';
import { ratesCsv } from '../../shared/domain/rates';
import { serverApi } from '../../shared/server-api';
import { announce } from '../live/live-hub';
import { monitorRates, monitorSnapshot, monitorSummary, referenceNames } from '../monitor/monitor-queries';
import { createIncident } from '../monitor/notices';
import { currentUser } from '../plugins/auth';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Team leads' view of the centre: a snapshot, then deltas over /api/live; rates; incidents. */
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

  registerRoute(app, db, api.incident, async (request) => {
    const user = currentUser(request);
    const id = v7();
    const linked = await db.transaction(async (tx) => {
      const count = await createIncident(tx, { id, title: request.body.title, createdBy: user.id, ticketIds: request.body.ticketIds });
      // The incident's id, not its tickets': a notification holds 8,000 bytes, an incident hundreds of ids.
      await announce(tx, 'incident', id);
      return count;
    });
    return { id, linked };
  });

  registerRoute(app, db, api.summary, async () => monitorSummary(db));
};
