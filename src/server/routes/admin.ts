import type { FastifyPluginAsync } from 'fastify';
import { serverApi } from '../../shared/server-api';
import type { Role } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import { revokeUserSessions } from '../auth/sessions';
import { publishPeople } from '../auth/people';
import { createUser, findUserById, listUsers, updateUser, usernameTaken } from '../auth/users';
import type { Queryable } from '../db/database';
import { unitExists } from '../reference/reference-store';
import { ticketAudit } from '../audit/audit-log';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** A unit user needs a unit that exists, and only a unit user has one. */
async function checkUnit(db: Queryable, role: Role, unitCode: string | null): Promise<void> {
  if ((role === 'unit') !== (unitCode !== null)) {
    throw new AppError('invalid_input', 'A unit user needs a unitCode, and only a unit user has one.', [
      { path: 'unitCode', message: role === 'unit' ? 'required for role unit' : 'only for role unit' },
    ]);
  }
  if (unitCode) {
    if (!(await unitExists(db, unitCode)))
      throw new AppError('invalid_input', 'No such unit.', [{ path: 'unitCode', message: `unknown unit ${unitCode}` }]);
  }
}

export const adminRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  const api = serverApi.admin;

  registerRoute(app, db, api.users, async () => ({ users: await listUsers(db) }));

  registerRoute(app, db, api.createUser, async (request) => {
    const input = request.body;
    await checkUnit(db, input.role, input.unitCode);
    if (await usernameTaken(db, input.username))
      throw new AppError('conflict', `The username ${input.username} is taken.`, [{ path: 'username', message: 'taken' }]);
    const user = await createUser(db, input);
    await publishPeople(db);
    return user;
  });

  registerRoute(app, db, api.revokeSessions, async (request) => ({ revoked: await revokeUserSessions(db, request.params.id) }));

  registerRoute(app, db, api.changeUser, async (request) =>
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

  registerRoute(app, db, api.ticketAudit, async (request) => ({ entries: await ticketAudit(db, request.params.id) }));
};
