import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newUserSchema, userSchema } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { revokeUserSessions } from '../auth/sessions';
import { createUser, listUsers } from '../auth/users';
import { ticketAudit } from '../audit/audit-log';
import { requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

export const adminRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  const admin = requireRole(db, 'admin');

  app.get('/api/admin/users', { onRequest: admin, schema: { summary: 'All users', response: { 200: z.object({ users: z.array(userSchema) }) } } }, async () => ({
    users: await listUsers(db),
  }));

  app.post(
    '/api/admin/users',
    { onRequest: admin, schema: { summary: 'Create a user', body: newUserSchema, response: { 201: userSchema } } },
    async (request, reply) => {
      const input = request.body;
      if ((input.role === 'unit') !== (input.unitCode !== null)) {
        throw new AppError('invalid_input', 'A unit user needs a unitCode, and only a unit user has one.', [
          { path: 'unitCode', message: input.role === 'unit' ? 'required for role unit' : 'only for role unit' },
        ]);
      }
      if (input.unitCode) {
        const [unit] = await db.query(`SELECT 1 FROM reference_items WHERE kind = 'unit' AND code = $1 AND NOT deleted`, [input.unitCode]);
        if (!unit) throw new AppError('invalid_input', 'No such unit.', [{ path: 'unitCode', message: `unknown unit ${input.unitCode}` }]);
      }
      const [taken] = await db.query(`SELECT 1 FROM users WHERE username = $1`, [input.username]);
      if (taken) throw new AppError('conflict', `The username ${input.username} is taken.`, [{ path: 'username', message: 'taken' }]);
      return reply.status(201).send(await createUser(db, input));
    },
  );

  app.post(
    '/api/admin/users/:id/revoke-sessions',
    {
      onRequest: admin,
      schema: { summary: 'Sign a user out everywhere', params: z.strictObject({ id: z.uuid() }), response: { 200: z.object({ revoked: z.number() }) } },
    },
    async (request) => ({ revoked: await revokeUserSessions(db, request.params.id) }),
  );

  app.get(
    '/api/admin/tickets/:id/audit',
    { onRequest: admin, schema: { summary: 'Who read and who changed a ticket, oldest first', params: z.strictObject({ id: z.uuid() }) } },
    async (request) => ({ entries: await ticketAudit(db, request.params.id) }),
  );
};
