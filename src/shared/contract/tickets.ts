import { z } from 'zod';
import { fieldLimits } from '../domain/field-limits';
import { idSchema } from '../domain/ids';
import { plainText, plainTextCheck } from '../domain/plain-text';
import { refusalSchema } from '../domain/refusal';
import { ticketFieldsSchema, ticketSchema, ticketStatusSchema } from '../domain/ticket';
import { workLists } from '../domain/work-list';
import { defineCall } from './define';

/** The phone call an intake or a follow-up belongs to; it is kept with the ticket's events. */
const callIdSchema = z.string().min(1).max(128).check(plainTextCheck);

export const ticketSummarySchema = z.strictObject({
  id: idSchema,
  provisionalNo: z.string(),
  officialNo: z.string().nullable(),
  status: ticketStatusSchema,
  requestType: z.string(),
  category: z.string().nullable(),
  description: z.string(),
  callerPhone: z.string().nullable(),
  callerName: z.string().nullable(),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  leadUnitCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  pendingEvents: z.number().int().nonnegative(),
  /** How many later calls were attached to this ticket. */
  followUps: z.number().int().nonnegative(),
  /** The running time limit, if any; the UI counts down to `dueAt`. */
  deadline: z.strictObject({ stage: z.enum(['dispatch', 'feedback']), startedAt: z.string(), dueAt: z.string() }).nullable(),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const rejectionSchema = z.strictObject({
  eventId: idSchema,
  ticketId: idSchema,
  provisionalNo: z.string().nullable(),
  officialNo: z.string().nullable(),
  type: z.string(),
  at: z.string(),
  refusal: refusalSchema,
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const timelineEntrySchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.string(),
  /** pending: not yet confirmed by the server; rejected: refused, with the refusal. */
  status: z.enum(['pending', 'confirmed', 'rejected']),
  payload: z.record(z.string(), z.unknown()),
  refusal: refusalSchema.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const routeProposalSchema = z.strictObject({
  unitCode: z.string(),
  name: z.strictObject({ zh: z.string(), en: z.string() }),
  why: z.enum(['street', 'district', 'fixed', 'fallback-district']),
  rule: z.string().nullable(),
  /** Present when the centre's history chose the unit rather than a written rule: its share of the tickets there. */
  history: z.strictObject({ share: z.number().min(0).max(1), tickets: z.number().int().nonnegative() }).optional(),
});
export type RouteProposalView = z.infer<typeof routeProposalSchema>;

/** What narrows a work list; every condition given must hold. */
export const worklistFilterSchema = z.strictObject({
  status: ticketStatusSchema.optional(),
  /** A category, or a group of the catalogue (its categories). */
  category: z.string().min(1).max(64).optional(),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** The lead unit the ticket is (or was last) dispatched to. */
  unitCode: z
    .string()
    .regex(/^[a-z]+:[0-9A-Za-z_-]{1,40}$/)
    .optional(),
  /** Past its deadline, or near it (at risk, not yet overdue). */
  clock: z.enum(['overdue', 'at_risk']).optional(),
  /** Only tickets the signed-in agent registered or worked on. */
  mine: z.boolean().optional(),
});
export type WorklistFilter = z.infer<typeof worklistFilterSchema>;

const count = z.number().int().nonnegative();
export const worklistPageSchema = z.strictObject({
  rows: z.array(ticketSummarySchema),
  /** Pass as `cursor` for the rows after these; null after the last row. */
  nextCursor: z.string().nullable(),
  /** How many tickets of this list match the filter and query, on all pages. */
  total: count,
  /** How many tickets wait in each list, unfiltered. */
  counts: z.strictObject({ undispatched: count, returned: count, callback: count, extension: count }),
});
export type WorklistPage = z.infer<typeof worklistPageSchema>;

export const ticketsCalls = {
  create: defineCall({
    doc: 'Registers a new ticket from intake; durable and queued for the server once this returns.',
    input: z.strictObject({
      fields: ticketFieldsSchema,
      /** The intake draft this ticket came from; it is discarded in the same transaction. */
      draftId: idSchema.optional(),
      /** An earlier open ticket the agent says this one repeats (from the likely-duplicates list). */
      duplicateOf: idSchema.optional(),
      /** The phone call during which it was registered, for the caller log. */
      callId: callIdSchema.optional(),
      /** Answered on the call from this knowledge-base article: closed at once as a direct answer. */
      answeredWith: z.string().min(1).max(64).check(plainTextCheck).optional(),
    }),
    output: ticketSchema,
  }),
  update: defineCall({
    doc: 'Changes fields of a ticket; a field someone else changed meanwhile is refused, not overwritten.',
    input: z.strictObject({
      id: idSchema,
      changes: ticketFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, 'change at least one field'),
    }),
    output: ticketSchema,
  }),
  addNote: defineCall({
    doc: 'Adds a note to a ticket; durable and queued for the server once this returns.',
    input: z.strictObject({ id: idSchema, text: plainText(4000).min(1) }),
    output: ticketSchema,
  }),
  get: defineCall({
    doc: 'One ticket as this workstation sees it: confirmed events with pending ones on top.',
    input: z.strictObject({ id: idSchema }),
    output: ticketSchema,
  }),
  rejections: defineCall({
    doc: 'Changes the server refused, with its reasons, until the agent dismisses them.',
    input: z.strictObject({}),
    output: z.array(rejectionSchema),
  }),
  retryRejected: defineCall({
    doc: 'Fixes a refused change by making it again on top of the ticket as it is now (a new event); the refusal is dismissed.',
    input: z.strictObject({ eventId: idSchema }),
    output: ticketSchema,
  }),
  dismissRejection: defineCall({
    doc: 'Marks a refused change as dealt with; the event itself stays in the log.',
    input: z.strictObject({ eventId: idSchema }),
    output: z.strictObject({ dismissed: z.boolean() }),
  }),
  followUp: defineCall({
    doc: 'Attaches a repeat call to an open ticket instead of registering a duplicate.',
    input: z.strictObject({
      id: idSchema,
      callId: callIdSchema.optional(),
      callerPhone: plainText(fieldLimits.callerPhone).optional(),
      note: plainText(fieldLimits.followUpNote).optional(),
      /** The intake draft the agent had started; discarded with the follow-up. */
      draftId: idSchema.optional(),
    }),
    output: ticketSchema,
  }),
  search: defineCall({
    doc: 'Full-text search of cached tickets: numbers, phone, names, address, text; Chinese of any length.',
    input: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(ticketSummarySchema),
  }),
  similar: defineCall({
    doc: 'Likely duplicates: open tickets of the same category in the same street or from the same caller in the last 24 hours, most similar text first.',
    input: z.strictObject({
      category: z.string().min(1).max(64),
      streetCode: z.string().regex(/^\d{9}$/),
      description: z.string().max(fieldLimits.description).default(''),
      /** The caller's number in any way of writing it: their open tickets of this category count wherever they are. */
      callerPhone: z.string().max(fieldLimits.callerPhone).optional(),
      limit: z.number().int().min(1).max(20).default(5),
    }),
    output: z.array(z.strictObject({ ticket: ticketSummarySchema, similarity: z.number().min(0).max(1) })),
  }),
  timeline: defineCall({
    doc: "Every event of a ticket in order (confirmed, then this workstation's pending ones), for its timeline.",
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ ticket: ticketSchema, deadline: ticketSummarySchema.shape.deadline, entries: z.array(timelineEntrySchema) }),
  }),
  links: defineCall({
    doc: 'The tickets linked to one: the original it repeats (null when none or not cached) and the cached duplicates of it, oldest first.',
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ original: ticketSummarySchema.nullable(), duplicates: z.array(ticketSummarySchema) }),
  }),
  proposeRoute: defineCall({
    doc: 'The handling unit the rule matrix proposes for a ticket (category × jurisdiction), and why.',
    input: z.strictObject({ id: idSchema }),
    output: routeProposalSchema,
  }),
  dispatch: defineCall({
    doc: 'Dispatches a ticket to one or more units, one of them the lead.',
    input: z
      .strictObject({
        id: idSchema,
        unitCodes: z
          .array(z.string().regex(/^[a-z]+:[0-9A-Za-z_-]{1,40}$/))
          .min(1)
          .max(10),
        leadUnitCode: z.string(),
        note: plainText(1000).optional(),
        /** A lead moves a dispatched ticket the unit has not accepted yet (改派), and says why. */
        reassign: z.boolean().optional(),
        reason: plainText(1000).min(1).optional(),
      })
      .refine((d) => d.unitCodes.includes(d.leadUnitCode), { message: 'the lead unit must be one of the units', path: ['leadUnitCode'] })
      .refine((d) => !d.reassign || d.reason !== undefined, { message: 'say why the ticket is reassigned', path: ['reason'] }),
    output: ticketSchema,
  }),
  recordCallback: defineCall({
    doc: "Records the callback after the unit's feedback: satisfied or basically satisfied closes the ticket; unsatisfied sends it back to the unit.",
    input: z.strictObject({
      id: idSchema,
      satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
      note: plainText(1000).optional(),
    }),
    output: ticketSchema,
  }),
  decideExtension: defineCall({
    doc: "Grants or refuses a unit's request for more time.",
    input: z.strictObject({ id: idSchema, approved: z.boolean(), note: plainText(1000).optional() }),
    output: ticketSchema,
  }),
  merge: defineCall({
    doc: 'Closes a ticket linked as a duplicate by merging it into the ticket it repeats.',
    input: z.strictObject({ id: idSchema }),
    output: ticketSchema,
  }),
  unmerge: defineCall({
    doc: 'Undoes a merge: the merged ticket is open again in the status it had before, still linked to the ticket it repeats.',
    input: z.strictObject({ id: idSchema, reason: plainText(1000).min(1) }),
    output: ticketSchema,
  }),
  urge: defineCall({
    doc: 'A lead urges (督办) the unit an order is with, at risk or overdue, and says why; refused while the order is on time. The unit sees the count and the last urge.',
    input: z.strictObject({
      id: idSchema,
      /** The unit to urge: the order's lead unit unless another of its units is named. */
      unitCode: z
        .string()
        .regex(/^[a-z]+:[0-9A-Za-z_-]{1,40}$/)
        .optional(),
      reason: plainText(1000).min(1),
    }),
    output: ticketSchema,
  }),
  worklist: defineCall({
    doc: 'One work list as a queue: tickets not yet dispatched, returned by units, due a callback, or with an extension request; the least time left first (overdue ones lead), then the longest waiting. Filtered, searched and paged (by cursor, or by offset for a scrolling window), with counts.',
    input: z
      .strictObject({
        kind: z.enum(workLists),
        filter: worklistFilterSchema.default({}),
        /** Words, a ticket number or a phone, as `search` takes them (Chinese of any length). */
        query: z.string().max(200).default(''),
        /** The `nextCursor` of the page before: the rows after it, stable while tickets arrive. */
        cursor: z.string().min(1).max(400).optional(),
        /** Or the rows from this position on: a virtualised list asks for the window in view. */
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .refine((q) => q.cursor === undefined || q.offset === undefined, {
        message: 'give a cursor or an offset, not both',
        path: ['offset'],
      }),
    output: worklistPageSchema,
  }),
  suggestCategories: defineCall({
    doc: "Up to three likeliest categories for a description, offline too: categories newer than the classifier whose keywords it contains (confidence null), then the classifier's with calibrated confidences (adding up to at most 1; none when it is unsure).",
    input: z.strictObject({ text: z.string().max(4000) }),
    output: z.array(z.strictObject({ category: z.string(), confidence: z.number().min(0).max(1).nullable() })),
  }),
  recent: defineCall({
    doc: 'The most recently changed tickets in the local cache.',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(ticketSummarySchema),
  }),
};
