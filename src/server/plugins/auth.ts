import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, User } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { userForToken } from '../auth/sessions';
import type { Database } from '../db/database';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; routes behind it may rely on it. */
    user: User | null;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * An onRequest hook that admits only live sessions of the given roles — before the body is even
 * parsed or validated, so a caller without the right session learns nothing about the input. The
 * server, not the UI, decides.
 */
export function requireRole(db: Database, ...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    const user = token ? await userForToken(db, token) : null;
    if (!user) throw new AppError('unauthenticated', 'Sign in first: the session is missing, expired or revoked.');
    if (!roles.includes(user.role)) throw new AppError('forbidden', `This needs the role ${roles.join(' or ')}; you are ${user.role}.`);
    request.user = user;
  };
}

export const anyRole: Role[] = ['agent', 'lead', 'unit', 'admin'];

/** The signed-in user, for routes behind `requireRole`. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('unauthenticated', 'Sign in first.');
  return request.user;
}
