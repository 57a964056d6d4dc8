import { z } from 'zod';
import { auditEntrySchema, userChangeSchema } from '../admin';
import { newUserSchema, userSchema } from '../auth';
import { defineRoute } from '../route';

const admin = ['admin'] as const;
const userId = z.strictObject({ id: z.uuid() });

export const adminRoutes = {
  users: defineRoute({
    method: 'GET',
    path: '/api/admin/users',
    summary: 'All users',
    access: admin,
    responses: { 200: z.object({ users: z.array(userSchema) }) },
  }),
  createUser: defineRoute({
    method: 'POST',
    path: '/api/admin/users',
    summary: 'Create a user',
    access: admin,
    body: newUserSchema,
    responses: { 201: userSchema },
  }),
  revokeSessions: defineRoute({
    method: 'POST',
    path: '/api/admin/users/:id/revoke-sessions',
    summary: 'Sign a user out everywhere',
    access: admin,
    params: userId,
    responses: { 200: z.object({ revoked: z.number() }) },
  }),
  changeUser: defineRoute({
    method: 'PATCH',
    path: '/api/admin/users/:id',
    summary: "Changes a user's role or unit, or disables or re-enables them; a change signs them out everywhere",
    access: admin,
    params: userId,
    body: userChangeSchema,
    responses: { 200: z.object({ user: userSchema, disabled: z.boolean(), revoked: z.number() }) },
  }),
  ticketAudit: defineRoute({
    method: 'GET',
    path: '/api/admin/tickets/:id/audit',
    summary: 'Who read and who changed a ticket, oldest first',
    access: admin,
    params: z.strictObject({ id: z.uuid() }),
    responses: { 200: z.object({ entries: z.array(auditEntrySchema) }) },
  }),
};
