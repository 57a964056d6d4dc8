import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { ticketSchema, ticketStatusSchema } from '../../domain/ticket';
import { defineRoute } from '../route';
import { type UnitAction, unitActionBodies, unitActionResponseSchema } from '../units';

const unit = ['unit'] as const;

const action = <A extends UnitAction>(name: A, summary: string) =>
  defineRoute({
    method: 'POST',
    path: `/api/units/tickets/:id/${name}`,
    summary,
    access: unit,
    params: z.strictObject({ id: idSchema }),
    body: unitActionBodies[name],
    responses: { 200: unitActionResponseSchema },
  });

/** Handling units (street offices, departments, utilities) work the tickets dispatched to them. */
export const unitRoutes = {
  tickets: defineRoute({
    method: 'GET',
    path: '/api/units/tickets',
    summary: "The unit's tickets, the nearest feedback deadline first (overdue ones lead), then the newest; paged by cursor",
    access: unit,
    query: z.strictObject({
      status: ticketStatusSchema.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      /** The `nextCursor` of the page before. */
      cursor: z.string().min(1).max(400).optional(),
    }),
    responses: {
      200: z.object({
        tickets: z.array(ticketSchema),
        /** Pass as `cursor` for the next page; null on the last one. */
        nextCursor: z.string().nullable(),
      }),
    },
  }),
  accept: action('accept', 'The unit accepts the ticket'),
  progress: action('progress', 'The unit reports progress on the ticket'),
  feedback: action('feedback', 'The unit reports feedback on the ticket'),
  return: action('return', 'The unit returns the ticket, with a reason'),
  extension: action('extension', 'The unit asks for more time'),
} satisfies Record<UnitAction | 'tickets', unknown>;
