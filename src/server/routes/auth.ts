import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { serverApi } from '../../shared/server-api';
import { AppError, type ErrorCode } from '../../shared/result';
import { chargeAttempt, succeeded, uncharge } from '../auth/login-throttle';
import { decoyHash, passwordWork, verifyPassword } from '../auth/password';
import { createSession, revokeSession } from '../auth/sessions';
import { findUserForLogin } from '../auth/users';
import { QueueFull, WorkQueue } from '../auth/work-queue';
import { statusOf } from '../plugins/errors';
import { bearerToken, currentUser } from '../plugins/auth';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';
import { recordHand } from '../live/agent-presence';

const refused = () => new AppError('unauthenticated', 'Wrong username or password.');

/** A refusal that says when to try again; the password was not checked, so it says nothing about it. */
const notNow = (reply: FastifyReply, code: ErrorCode, retryAfterSeconds: number, message: string) =>
  reply.status(statusOf[code]).header('retry-after', String(retryAfterSeconds)).send({ error: { code, message } });

export const authRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, config }) => {
  const hashing = new WorkQueue(passwordWork.concurrency, passwordWork.maxWaiting);

  registerRoute(app, db, serverApi.auth.login, async (request, reply) => {
    const { username, password, workstationId } = request.body;
    const charge = await chargeAttempt(db, username, request.ip);
    if (!charge.admitted) {
      const minutes = Math.ceil(charge.retryAfterSeconds / 60);
      return notNow(
        reply,
        'rate_limited',
        charge.retryAfterSeconds,
        `Too many failed sign-ins for ${username} from here; try again in ${minutes} min or ask an administrator.`,
      );
    }
    const found = await findUserForLogin(db, username);
    let matches: boolean;
    try {
      // Verify against a decoy when the user is unknown, so timing does not reveal which usernames exist.
      matches = await hashing.run(() => verifyPassword(password, found?.passwordHash ?? decoyHash));
    } catch (error) {
      if (!(error instanceof QueueFull)) throw error;
      await uncharge(db, charge.id);
      return notNow(
        reply,
        'unavailable',
        error.retryAfterSeconds,
        `The server is busy signing others in; try again in ${error.retryAfterSeconds} s.`,
      );
    }
    if (!found || !matches || found.disabled) throw refused();
    await succeeded(db, username, request.ip);
    const session = await createSession(db, found.user.id, config.sessionHours, workstationId);
    request.log.info({ userId: found.user.id, role: found.user.role }, 'signed in');
    return { ...session, user: found.user };
  });

  registerRoute(app, db, serverApi.auth.logout, async (request) => {
    await revokeSession(db, bearerToken(request)!);
    // Signing out is leaving the seat: a hand still raised would send a lead to an empty desk.
    await recordHand(db, currentUser(request).id, false, null);
    return null;
  });

  registerRoute(app, db, serverApi.auth.me, async (request) => currentUser(request));
};
