import { z } from 'zod';
import { ticketSchema } from '../domain/ticket';

/** What a handling unit sends when it acts on a ticket dispatched to it (`/api/units/tickets/{id}/…`). */
export const unitActionBodies = {
  accept: z.strictObject({}),
  progress: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
  feedback: z.strictObject({ summary: z.string().trim().min(1).max(2000) }),
  return: z.strictObject({ reason: z.string().trim().min(1).max(1000) }),
  extension: z.strictObject({ hours: z.number().int().min(1).max(24 * 30), reason: z.string().trim().min(1).max(1000) }),
} as const;
export type UnitAction = keyof typeof unitActionBodies;

export const unitActionResponseSchema = z.strictObject({ ticket: ticketSchema, seq: z.number().int().positive() });
