import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequestSchema, loginResponseSchema, userSchema } from '../../shared/server-api/auth';
import { AppError, type ErrorCode } from '../../shared/result';
import { chargeAttempt, succeeded, uncharge } from '../auth/login-throttle';
import { decoyHash, passwordWork, verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import { findUserForLogin } from '../auth/users';
import { QueueFull, WorkQueue } from '../auth/work-queue';
import { statusOf } from '../plugins/errors';
import { anyRole, bearerToken, currentUser, requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

const refused = () => new AppError('unauthenticated', 'Wrong username or password.');

/** A refusal that says when to try again; the password was not checked, so it says nothing about it. */
const notNow = (reply: FastifyReply, code: ErrorCode, retryAfterSeconds: number, message: string) =>
  reply.status(statusOf[code]).header('retry-after', String(retryAfterSeconds)).send({ error: { code, message } });

export const authRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config }) => {
  const hashing = new WorkQueue(passwordWork.concurrency, passwordWork.maxWaiting);

  app.post(
    '/api/auth/login',
    { schema: { summary: 'Sign in with username and password', body: loginRequestSchema, response: { 200: loginResponseSchema } } },
    async (request, reply) => {
      const { username, password, workstationId } = request.body;
      const charge = await chargeAttempt(db, username, request.ip);
      if (!charge.admitted) {
        const minutes = Math.ceil(charge.retryAfterSeconds / 60);
        return notNow(reply, 'rate_limited', charge.retryAfterSeconds, `Too many failed sign-ins for ${username} from here; try again in ${minutes} min or ask an administrator.`);
      }
      const found = await findUserForLogin(db, username);
      let matches: boolean;
      try {
        // Verify against a decoy when the user is unknown, so timing does not reveal which usernames exist.
        matches = await hashing.run(() => verifyPassword(password, found?.passwordHash ?? decoyHash));
      } catch (error) {
        if (!(error instanceof QueueFull)) throw error;
        await uncharge(db, charge.id);
        return notNow(reply, 'unavailable', error.retryAfterSeconds, `The server is busy signing others in; try again in ${error.retryAfterSeconds} s.`);
      }
      if (!found || !matches || found.disabled) throw refused();
      await succeeded(db, username, request.ip);
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
