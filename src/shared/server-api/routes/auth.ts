import { z } from 'zod';
import { anyRole, loginRequestSchema, loginResponseSchema, userSchema } from '../auth';
import { defineRoute } from '../route';

export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in with username and password',
    access: 'public',
    body: loginRequestSchema,
    responses: { 200: loginResponseSchema },
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End this session',
    access: anyRole,
    responses: { 204: z.null() },
  }),
  me: defineRoute({ method: 'GET', path: '/api/auth/me', summary: 'The signed-in user', access: anyRole, responses: { 200: userSchema } }),
};
