import { z } from 'zod';
import { idSchema } from './ids';
import { provisionalNumberSchema } from './provisional-number';

/** The five request types of a citizen hotline (DESIGN.md §6). */
export const requestTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export const requestTypeSchema = z.enum(requestTypes);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const urgencies = ['normal', 'urgent', 'emergency'] as const;
export const urgencySchema = z.enum(urgencies);

export const channels = ['phone', 'open311', 'web', 'app'] as const;
export const channelSchema = z.enum(channels);

export const ticketStatuses = ['registered', 'closed'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

const trimmed = (max: number) => z.string().trim().max(max);

/** What the agent fills in at intake; also the fields an `updated` event may change. */
export const ticketFieldsSchema = z.strictObject({
  requestType: requestTypeSchema,
  category: trimmed(64).optional(),
  urgency: urgencySchema,
  callerName: trimmed(100).optional(),
  callerPhone: trimmed(32).optional(),
  districtCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit division code').optional(),
  streetCode: z.string().regex(/^\d{9}$/, 'must be a 9-digit division code').optional(),
  addressDetail: trimmed(300).optional(),
  description: trimmed(4000).min(1, 'describe what the caller reports'),
  callerWants: trimmed(1000).optional(),
  channel: channelSchema,
});
export type TicketFields = z.infer<typeof ticketFieldsSchema>;

const eventBase = {
  id: idSchema,
  ticketId: idSchema,
  at: z.iso.datetime({ offset: true }),
  actor: z.string().min(1).max(64),
  origin: z.string().min(1).max(64),
};

/**
 * A ticket is the fold of these events (DESIGN.md §3). Later issues add the dispatch lifecycle;
 * each new type needs a payload schema here and a rule in `ticket-fold.ts`.
 */
export const ticketEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...eventBase,
    type: z.literal('created'),
    payload: z.strictObject({ provisionalNo: provisionalNumberSchema, fields: ticketFieldsSchema }),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('updated'),
    payload: z.strictObject({ changes: ticketFieldsSchema.partial() }),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('note'),
    payload: z.strictObject({ text: trimmed(4000).min(1) }),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('closed'),
    payload: z.strictObject({ resolution: z.enum(['direct_answer', 'resolved', 'withdrawn', 'merged']) }),
  }),
  z.strictObject({
    ...eventBase,
    type: z.literal('reopened'),
    payload: z.strictObject({ reason: trimmed(1000).min(1) }),
  }),
]);
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type TicketEventType = TicketEvent['type'];

export const ticketSchema = z.strictObject({
  id: idSchema,
  provisionalNo: provisionalNumberSchema,
  officialNo: z.string().nullable(),
  status: ticketStatusSchema,
  resolution: z.string().nullable(),
  fields: ticketFieldsSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  notes: z.array(z.strictObject({ at: z.string(), actor: z.string(), text: z.string() })),
  /** How many events the state was folded from (confirmed and pending). */
  eventCount: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof ticketSchema>;
