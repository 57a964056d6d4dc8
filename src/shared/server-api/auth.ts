import { z } from 'zod';

export const roles = ['agent', 'lead', 'unit', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z.string().trim().min(2).max(64).regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, . _ -');

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1).max(256),
  workstationId: z.string().max(64).optional(),
});

export const userSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitCode: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginResponseSchema = z.strictObject({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});

export const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  role: roleSchema,
  unitCode: z.string().max(64).nullable().default(null),
  password: z.string().min(10, 'at least 10 characters').max(256),
});
