import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { ticketSchema, ticketStatusSchema } from '../../domain/ticket';
import { anyRole } from '../auth';
import { defineRoute } from '../route';
import { sequencedEventSchema } from '../sync';

export const ticketRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/tickets',
    summary: 'Recently changed tickets the caller may see',
    access: anyRole,
    query: z.strictObject({ status: ticketStatusSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    responses: { 200: z.object({ tickets: z.array(ticketSchema) }) },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/tickets/:id',
    summary: 'One ticket with its events',
    access: anyRole,
    params: z.strictObject({ id: idSchema }),
    responses: { 200: z.object({ ticket: ticketSchema, events: z.array(sequencedEventSchema) }) },
  }),
};
