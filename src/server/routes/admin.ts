import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newUserSchema, type Role, roleSchema, userSchema } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { revokeUserSessions } from '../auth/sessions';
import { createUser, findUserById, listUsers, updateUser, usernameTaken } from '../auth/users';
import type { Queryable } from '../db/database';
import { unitExists } from '../reference/reference-store';
import { ticketAudit } from '../audit/audit-log';
import { requireRole } from '../plugins/auth';
import type { RouteContext } from './context';

const userChangeSchema = z
  .strictObject({ role: roleSchema.optional(), unitCode: z.string().max(64).nullable().optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, 'Give at least one of role, unitCode, disabled.');

/** A unit user needs a unit that exists, and only a unit user has one. */
async function checkUnit(db: Queryable, role: Role, unitCode: string | null): Promise<void> {
  if ((role === 'unit') !== (unitCode !== null)) {
    throw new AppError('invalid_input', 'A unit user needs a unitCode, and only a unit user has one.', [
      { path: 'unitCode', message: role === 'unit' ? 'required for role unit' : 'only for role unit' },
    ]);
  }
  if (unitCode) {
    if (!(await unitExists(db, unitCode))) throw new AppError('invalid_input', 'No such unit.', [{ path: 'unitCode', message: `unknown unit ${unitCode}` }]);
  }
}

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
      await checkUnit(db, input.role, input.unitCode);
      if (await usernameTaken(db, input.username)) throw new AppError('conflict', `The username ${input.username} is taken.`, [{ path: 'username', message: 'taken' }]);
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

  app.patch(
    '/api/admin/users/:id',
    {
      onRequest: admin,
      schema: {
        summary: "Changes a user's role or unit, or disables or re-enables them; a change signs them out everywhere",
        params: z.strictObject({ id: z.uuid() }),
        body: userChangeSchema,
        response: { 200: z.object({ user: userSchema, disabled: z.boolean(), revoked: z.number() }) },
      },
    },
    async (request) =>
      db.transaction(async (tx) => {
        const found = await findUserById(tx, request.params.id);
        if (!found) throw new AppError('not_found', 'No such user; list them with GET /api/admin/users.');
        const role = request.body.role ?? found.user.role;
        const unitCode = request.body.unitCode !== undefined ? request.body.unitCode : role === 'unit' ? found.user.unitCode : null;
        const disabled = request.body.disabled ?? found.disabled;
        await checkUnit(tx, role, unitCode);
        const user = await updateUser(tx, found.user.id, { role, unitCode, disabled });
        const changed = role !== found.user.role || unitCode !== found.user.unitCode || disabled !== found.disabled;
        // Sessions carry the role they were opened with into every workstation: a change needs a new sign-in.
        return { user, disabled, revoked: changed ? await revokeUserSessions(tx, user.id) : 0 };
      }),
  );

  app.get(
    '/api/admin/tickets/:id/audit',
    { onRequest: admin, schema: { summary: 'Who read and who changed a ticket, oldest first', params: z.strictObject({ id: z.uuid() }) } },
    async (request) => ({ entries: await ticketAudit(db, request.params.id) }),
  );
};
