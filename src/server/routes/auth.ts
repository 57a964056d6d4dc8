import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, loginResponseSchema, userSchema } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { clearFailures, isThrottled, recordFailure } from '../auth/login-throttle';
import { decoyHash, verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import { findUserForLogin } from '../auth/users';
import { anyRole, bearerToken, currentUser, requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

const refused = () => new AppError('unauthenticated', 'Wrong username or password.');

export const authRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config }) => {
  app.post(
    '/api/auth/login',
    { schema: { summary: 'Sign in with username and password', body: loginRequestSchema, response: { 200: loginResponseSchema } } },
    async (request) => {
      const { username, password, workstationId } = request.body;
      if (await isThrottled(db, username, request.ip)) {
        throw new AppError('rate_limited', 'Too many failed sign-ins; wait 15 minutes or ask an administrator.');
      }
      const found = await findUserForLogin(db, username);
      // Verify against a decoy when the user is unknown, so timing does not reveal which usernames exist.
      const matches = await verifyPassword(password, found?.passwordHash ?? decoyHash);
      if (!found || !matches || found.disabled) {
        await recordFailure(db, username, request.ip);
        throw refused();
      }
      await clearFailures(db, username);
      const session = await createSession(db, found.user.id, config.sessionHours, workstationId);
      request.log.info({ userId: found.user.id, role: found.user.role }, 'signed in');
      return { ...session, user: found.user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'End this session', response: { 204: z.null() } }, onRequest: requireRole(db, ...anyRole) },
    async (request, reply) => {
      await revokeSession(db, bearerToken(request)!);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { summary: 'The signed-in user', response: { 200: userSchema } }, onRequest: requireRole(db, ...anyRole) },
    async (request) => currentUser(request),
  );
};
