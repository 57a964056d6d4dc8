import { z } from 'zod';
import { plainText, plainTextCheck } from '../domain/plain-text';
import { unitCodeSchema } from '../domain/ticket';

export const roles = ['agent', 'lead', 'unit', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
/** Every role: any signed-in user. */
export const anyRole: readonly Role[] = roles;

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'use lower-case letters, digits, . _ -');

export const loginRequestSchema = z.strictObject({
  username: usernameSchema,
  password: z.string().min(1).max(256),
  workstationId: z.string().max(64).check(plainTextCheck).optional(),
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
  displayName: plainText(100).min(1),
  role: roleSchema,
  unitCode: unitCodeSchema.nullable().default(null),
  password: z.string().min(10, 'at least 10 characters').max(256),
});
