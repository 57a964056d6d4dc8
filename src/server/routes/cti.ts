import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctiEventSchema, ctiResponseSchema, newSwitchSchema, switchTokenSchema } from '../../shared/server-api/cti';
import { AppError } from '../../shared/result';
import { recordCtiEvent } from '../cti/calls';
import { issueSwitchToken, listSwitches, switchForToken } from '../cti/switches';
import { requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

/**
 * The phone switch reports calls here (screen-pop, caller log, queue monitor). The token in the
 * path names the switch: switches of this kind cannot send headers, only a configured URL.
 */
export const ctiRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  app.post(
    '/api/cti/:token',
    {
      schema: {
        summary: 'A call event from a phone switch (generic CTI: newCall, answer, hangup), JSON or form-encoded',
        params: z.strictObject({ token: z.string().min(20).max(200) }),
        body: ctiEventSchema,
        response: { 200: ctiResponseSchema },
      },
    },
    async (request) => {
      const found = await switchForToken(db, request.params.token);
      if (!found) throw new AppError('unauthenticated', 'Unknown switch token: ask an administrator for the CTI URL of this switch.');
      return { call: await recordCtiEvent(db, found.id, request.body) };
    },
  );

  const admin = requireRole(db, 'admin');
  app.get(
    '/api/admin/cti-switches',
    {
      onRequest: admin,
      schema: { summary: 'Registered phone switches', response: { 200: z.object({ switches: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })) }) } },
    },
    async () => ({ switches: await listSwitches(db) }),
  );
  app.post(
    '/api/admin/cti-switches',
    {
      onRequest: admin,
      schema: { summary: 'Register a switch, or give it a new token; the token is shown once', body: newSwitchSchema, response: { 201: switchTokenSchema } },
    },
    async (request, reply) => reply.status(201).send(await issueSwitchToken(db, request.body.name)),
  );
};
