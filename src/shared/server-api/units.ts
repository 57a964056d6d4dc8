import { z } from 'zod';
import { plainText } from '../domain/plain-text';
import { ticketSchema } from '../domain/ticket';

/** What a handling unit sends when it acts on a ticket dispatched to it (`/api/units/tickets/{id}/…`). */
export const unitActionBodies = {
  accept: z.strictObject({}),
  progress: z.strictObject({ note: plainText(2000).min(1) }),
  feedback: z.strictObject({ summary: plainText(2000).min(1) }),
  return: z.strictObject({ reason: plainText(1000).min(1) }),
  extension: z.strictObject({
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
    reason: plainText(1000).min(1),
  }),
} as const;
export type UnitAction = keyof typeof unitActionBodies;

export const unitActionResponseSchema = z.strictObject({ ticket: ticketSchema, seq: z.number().int().positive() });
