import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { currentUser } from '../plugins/auth';
import { issueApiKey, listApiKeys, revokeApiKey } from '../open311/api-keys';
import { publishTicket, unpublishTicket } from '../open311/publication';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** Admins manage Open311 clients' keys; leads and admins decide which hotline tickets are public (in the normal API, with its error envelope). */
export const open311AdminRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, publicAnswers }) => {
  const api = serverApi.open311Admin;
  registerRoute(app, db, api.keys, async () => ({ keys: await listApiKeys(db) }));
  registerRoute(app, db, api.issueKey, async (request) => issueApiKey(db, request.body.name));
  registerRoute(app, db, api.revokeKey, async (request) => ({ revoked: await revokeApiKey(db, request.params.id) }));

  registerRoute(app, db, api.publish, async (request) => {
    const publication = await publishTicket(db, currentUser(request), request.params.id, request.body.summary);
    publicAnswers.clear();
    return publication;
  });
  registerRoute(app, db, api.unpublish, async (request) => {
    const unpublished = await unpublishTicket(db, currentUser(request), request.params.id);
    publicAnswers.clear();
    return unpublished;
  });
};
