import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../shared/domain/ids';
import { newOpen311KeySchema } from '../../shared/server-api/admin';
import { currentUser, requireRole } from '../plugins/auth';
import { issueApiKey, listApiKeys, revokeApiKey } from '../open311/api-keys';
import { publicationSchema, publicSummarySchema, publishTicket, unpublishTicket } from '../open311/publication';
import type { RouteContext } from './context';

/** Admins manage Open311 clients' keys; leads and admins decide which hotline tickets are public (in the normal API, with its error envelope). */
export const open311AdminRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, publicAnswers }) => {
  const admin = requireRole(db, 'admin');
  app.get('/api/admin/open311-keys', { onRequest: admin, schema: { summary: 'Open311 API keys (not the keys themselves)' } }, async () => ({ keys: await listApiKeys(db) }));
  app.post(
    '/api/admin/open311-keys',
    { onRequest: admin, schema: { summary: 'Issue an Open311 API key for a client; shown once', body: newOpen311KeySchema } },
    async (request, reply) => {
      currentUser(request);
      return reply.status(201).send(await issueApiKey(db, request.body.name));
    },
  );
  app.post(
    '/api/admin/open311-keys/:id/revoke',
    { onRequest: admin, schema: { summary: 'Revoke an Open311 API key', params: z.strictObject({ id: z.uuid() }) } },
    async (request) => ({ revoked: await revokeApiKey(db, request.params.id) }),
  );

  const leadOrAdmin = requireRole(db, 'lead', 'admin');
  app.post(
    '/api/tickets/:id/publish',
    {
      onRequest: leadOrAdmin,
      schema: {
        summary: 'Publish a hotline ticket on Open311 with a public summary (never the caller, phone, address or description); again to change the summary',
        params: z.strictObject({ id: idSchema }),
        body: z.strictObject({ summary: publicSummarySchema }),
        response: { 200: publicationSchema },
      },
    },
    async (request) => {
      const publication = await publishTicket(db, currentUser(request), request.params.id, request.body.summary);
      publicAnswers.clear();
      return publication;
    },
  );
  app.post(
    '/api/tickets/:id/unpublish',
    {
      onRequest: leadOrAdmin,
      schema: {
        summary: 'Take a published hotline ticket off Open311',
        params: z.strictObject({ id: idSchema }),
        response: { 200: z.object({ ticketId: z.string(), unpublished: z.literal(true) }) },
      },
    },
    async (request) => {
      const unpublished = await unpublishTicket(db, currentUser(request), request.params.id);
      publicAnswers.clear();
      return unpublished;
    },
  );
};
