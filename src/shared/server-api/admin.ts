import { z } from 'zod';
import { plainText } from '../domain/plain-text';
import { roleSchema } from './auth';

/** An Open311 client an administrator issues a key for (`POST /api/admin/open311-keys`). */
export const newOpen311KeySchema = z.strictObject({ name: plainText(64).min(1) });

/** A change to a user: at least one of role, unit, disabled. */
export const userChangeSchema = z
  .strictObject({ role: roleSchema.optional(), unitCode: z.string().max(64).nullable().optional(), disabled: z.boolean().optional() })
  .refine((change) => Object.keys(change).length > 0, 'Give at least one of role, unitCode, disabled.');

export const auditEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(['read', 'change', 'publish', 'unpublish']),
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
