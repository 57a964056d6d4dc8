import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { v7 } from 'uuid';
import { rankingCsv } from '../../shared/domain/ranking';
import { ratesCsv } from '../../shared/domain/rate-rows';
import { serverApi } from '../../shared/server-api';
import { AppError } from '../../shared/result';
import { answerHand } from '../live/agent-presence';
import { announce } from '../live/announcements';
import { monitorSnapshot, monitorSummary } from '../monitor/monitor-queries';
import { monitorRates, monthlyRanking, referenceNames } from '../monitor/rates-queries';
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
    return { from, to, by, ...(await monitorRates(db, from, to, by, config.timeZone)) };
  });

  const csvFile = (reply: FastifyReply, filename: string, csv: string) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);

  registerRoute(app, db, api.ratesCsv, async (request, reply) => {
    const { from, to, by } = request.query;
    const { rows, total } = await monitorRates(db, from, to, by, config.timeZone);
    return csvFile(reply, `rates-${by}-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`, ratesCsv(rows, total, await referenceNames(db, by)));
  });

  registerRoute(app, db, api.ranking, async (request) => monthlyRanking(db, request.query.month, config.timeZone));

  registerRoute(app, db, api.rankingCsv, async (request, reply) => {
    const { month } = request.query;
    const ranking = await monthlyRanking(db, month, config.timeZone);
    const names = { unit: await referenceNames(db, 'unit'), district: await referenceNames(db, 'district') };
    return csvFile(
      reply,
      `ranking-${month}.csv`,
      rankingCsv(ranking.units, ranking.districts, (level, key) => names[level](key)),
    );
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

  registerRoute(app, db, api.answerHand, async (request) => {
    const { username } = request.body;
    const answered = await answerHand(db, username ?? null, currentUser(request).displayName);
    if (answered) return answered;
    throw new AppError(
      'conflict',
      username
        ? `${username} has no hand raised: already answered by another lead, lowered, or no such agent.`
        : 'Nobody has a hand raised: every raised hand is already answered or lowered.',
    );
  });

  registerRoute(app, db, api.summary, async () => monitorSummary(db));
};
