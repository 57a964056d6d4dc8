import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { AppError } from '../../shared/result';
import { announce } from '../live/announcements';
import { noticesInForce, saveNotice, withdrawNotice } from '../monitor/notices';
import { currentUser } from '../plugins/auth';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Leads' notices: kept until they expire, so a workstation that signs in or reconnects reads the ones in force. */
export const noticeRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  const api = serverApi.notices;

  registerRoute(app, db, api.send, async (request) => {
    const user = currentUser(request);
    // Told in the same transaction: once the notice is saved, nothing can fail after the commit.
    const saved = await db.transaction(async (tx) => {
      const row = await saveNotice(tx, { text: request.body.text, sentBy: user.id, minutes: request.body.expiresInMinutes });
      await announce(tx, 'notice', row.id);
      return row;
    });
    return { id: saved.id, sentAt: saved.sentAt.toISOString(), expiresAt: saved.expiresAt.toISOString() };
  });

  registerRoute(app, db, api.inForce, async () => ({ notices: await noticesInForce(db) }));

  registerRoute(app, db, api.withdraw, async (request) => {
    const user = currentUser(request);
    const withdrawn = await db.transaction(async (tx) => {
      const row = await withdrawNotice(tx, request.params.id, user.id);
      if (row) await announce(tx, 'notice', request.params.id);
      return row;
    });
    if (!withdrawn) throw new AppError('not_found', 'No such notice; the notices in force are at GET /api/notices.');
    return { id: request.params.id, withdrawnAt: withdrawn.withdrawnAt.toISOString() };
  });
};
