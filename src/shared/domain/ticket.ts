import { z } from 'zod';
import { idSchema } from './ids';
import { fieldLimits } from './field-limits';
import { halfWidth, halfWidthAlphanumerics } from './full-width';
import { phoneCheck } from './phone';
import { plainText, plainTextCheck } from './plain-text';
import { provisionalNumberSchema } from './provisional-number';
import { wireDateTime } from './wire-time';

/** The five request types of a citizen hotline, in the order hotlines count them. */
export const requestTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export const requestTypeSchema = z.enum(requestTypes);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const urgencies = ['normal', 'urgent', 'emergency'] as const;
export const urgencySchema = z.enum(urgencies);

export const channels = ['phone', 'open311', 'web', 'app'] as const;
export const channelSchema = z.enum(channels);

/**
 * The work-order lifecycle (docs/architecture.md, *The hotline's domain*): registered → closed as a direct answer, or dispatched →
 * accepted by the unit → in progress → feedback from the unit → callback → closed. A unit may
 * return a ticket (→ returned, then re-dispatched); an unsatisfied callback sends it back to the
 * unit (→ dispatched); a closed ticket may be reopened (→ registered).
 */
export const ticketStatuses = ['registered', 'dispatched', 'accepted', 'in_progress', 'returned', 'feedback', 'closed'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/**
 * Text fields come in two strengths: plain text for what comes in (intake, push), and as they
 * always were for what is read back from a store, so an event stored before the plain-text rule
 * never fails a whole pulled page or outbox when it is read; it is refused, with its reason, only
 * when it is sent.
 */
type TextSchema = (max: number) => z.ZodString;
const storedText: TextSchema = (max) => z.string().trim().max(max);

/** Handling units are named by stable codes from reference data, e.g. `street:110105017`. */
export const unitCodeSchema = z.string().regex(/^[a-z]+:[0-9A-Za-z_-]{1,40}$/, 'must be a unit code like street:110105017');

/** The server's number: the acceptance date in the centre's time zone plus a daily sequence. */
export const officialNumberSchema = z.string().regex(/^\d{8}\d{5,}$/, 'must look like 2026112900123');

/**
 * What the agent fills in at intake; also the fields an `updated` event may change. A call's
 * input (`input`) also turns full-width digits and letters into ASCII; an event is checked, never
 * rewritten, so every replica stores the very text that was sent. Both refuse a phone number
 * the numbering plan does not have; stored events are read back as they are.
 */
const fieldsSchemaOf = (trimmed: TextSchema, strength: 'input' | 'event' | 'stored') => {
  const text = (max: number) => (strength === 'input' ? trimmed(max).overwrite(halfWidthAlphanumerics) : trimmed(max));
  const phone = trimmed(fieldLimits.callerPhone);
  return z.strictObject({
    requestType: requestTypeSchema,
    category: trimmed(64).optional(),
    urgency: urgencySchema,
    callerName: text(fieldLimits.callerName).optional(),
    callerPhone: (strength === 'stored'
      ? phone
      : strength === 'input'
        ? phone.overwrite(halfWidth).check(phoneCheck)
        : phone.check(phoneCheck)
    ).optional(),
    districtCode: z
      .string()
      .regex(/^\d{6}$/, 'must be a 6-digit division code')
      .optional(),
    streetCode: z
      .string()
      .regex(/^\d{9}$/, 'must be a 9-digit division code')
      .optional(),
    addressDetail: text(fieldLimits.addressDetail).optional(),
    description: text(fieldLimits.description).min(1, 'describe what the caller reports'),
    callerWants: text(fieldLimits.callerWants).optional(),
    channel: channelSchema,
    /** Where, as a point (Open311 and app reports); WGS84 degrees. */
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    /** A photo or video the reporter linked (Open311 media_url). */
    mediaUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  });
};
export const ticketFieldsSchema = fieldsSchemaOf(plainText, 'input');
const storedFieldsSchema = fieldsSchemaOf(storedText, 'stored');
export type TicketFields = z.infer<typeof ticketFieldsSchema>;

const eventBaseOf = (strict: boolean) => ({
  id: idSchema,
  ticketId: idSchema,
  // Exactly `Date.prototype.toISOString()` form, so every replica holds the very same text.
  at: (strict ? wireDateTime : z.iso.datetime)({ precision: 3, message: 'must be a UTC time like 2026-11-29T09:30:00.000Z' }),
  actor: strict ? z.string().min(1).max(64).check(plainTextCheck) : z.string().min(1).max(64),
  origin: strict ? z.string().min(1).max(64).check(plainTextCheck) : z.string().min(1).max(64),
});
type EventBase = ReturnType<typeof eventBaseOf>;

/**
 * A ticket is the fold of these events (docs/architecture.md, *Tickets are an event log*). A new
 * event type needs a payload schema here and a rule in `ticket-fold.ts`.
 */
const eventSchemaOf = (trimmed: TextSchema, eventBase: EventBase, fields: 'event' | 'stored') =>
  z.discriminatedUnion('type', [
    z.strictObject({
      ...eventBase,
      type: z.literal('created'),
      payload: z.strictObject({ provisionalNo: provisionalNumberSchema, fields: fieldsSchemaOf(trimmed, fields) }),
    }),
    z.strictObject({
      ...eventBase,
      type: z.literal('updated'),
      payload: z.strictObject({
        changes: fieldsSchemaOf(trimmed, fields).partial(),
        /**
         * The newest server sequence number the writer had seen of this ticket. The server refuses
         * the change if someone else changed one of the same fields after it (never a silent overwrite).
         */
        baseSeq: z.number().int().nonnegative().optional(),
      }),
    }),
    z.strictObject({
      ...eventBase,
      type: z.literal('note'),
      payload: z.strictObject({ text: trimmed(4000).min(1) }),
    }),
    z.strictObject({
      ...eventBase,
      type: z.literal('closed'),
      payload: z
        .strictObject({
          resolution: z.enum(['direct_answer', 'resolved', 'withdrawn', 'merged']),
          /** The knowledge-base article the caller was answered from (direct answers). */
          articleCode: trimmed(64).min(1).optional(),
          /** The ticket this one was merged into (merged duplicates). */
          mergedInto: idSchema.optional(),
        })
        .refine((p) => (p.resolution === 'merged') === (p.mergedInto !== undefined), {
          message: 'a merged ticket names the ticket it was merged into, and only then',
          path: ['mergedInto'],
        }),
    }),
    /** A merge undone: the duplicate is open again, in the status it had before the merge. */
    z.strictObject({
      ...eventBase,
      type: z.literal('unmerged'),
      payload: z.strictObject({ reason: trimmed(1000).min(1) }),
    }),
    z.strictObject({
      ...eventBase,
      type: z.literal('reopened'),
      payload: z.strictObject({ reason: trimmed(1000).min(1) }),
    }),
    z.strictObject({
      ...eventBase,
      type: z.literal('dispatched'),
      payload: z
        .strictObject({
          unitCodes: z.array(unitCodeSchema).min(1).max(10),
          leadUnitCode: unitCodeSchema,
          note: trimmed(1000).optional(),
          /** A lead moves a dispatched ticket the unit has not accepted yet (改派); without it a second dispatch is refused. */
          reassign: z.literal(true).optional(),
          /** Why the lead moved it: required of a reassignment made now, absent from those stored before it was asked. */
          reason: trimmed(1000).min(1).optional(),
        })
        .refine((p) => p.unitCodes.includes(p.leadUnitCode), { message: 'the lead unit must be one of the units', path: ['leadUnitCode'] })
        .refine((p) => fields === 'stored' || !p.reassign || p.reason !== undefined, {
          message: 'a reassignment says why',
          path: ['reason'],
        }),
    }),
    /**
     * A lead urges (督办) a unit on an order at risk or overdue. Refused on an order on time by the
     * server's push checks, which know the time limits; the fold only keeps the count.
     */
    z.strictObject({
      ...eventBase,
      type: z.literal('urged'),
      payload: z.strictObject({ unitCode: unitCodeSchema, reason: trimmed(1000).min(1) }),
    }),
    /** The caller rang again about this open ticket: the call is attached instead of a new ticket. */
    z.strictObject({
      ...eventBase,
      type: z.literal('followed_up'),
      payload: z.strictObject({
        callId: trimmed(128).min(1).optional(),
        callerPhone: trimmed(fieldLimits.callerPhone).optional(),
        note: trimmed(fieldLimits.followUpNote).optional(),
      }),
    }),
    /** At intake the agent recognised this ticket as a duplicate of an earlier open one. */
    z.strictObject({
      ...eventBase,
      type: z.literal('linked_duplicate'),
      payload: z.strictObject({ duplicateOf: idSchema }),
    }),
    /** The handling unit takes the ticket on (unit route). */
    z.strictObject({ ...eventBase, type: z.literal('unit_accepted'), payload: z.strictObject({ unitCode: unitCodeSchema }) }),
    /** The unit reports progress (unit route). */
    z.strictObject({
      ...eventBase,
      type: z.literal('unit_progress'),
      payload: z.strictObject({ unitCode: unitCodeSchema, note: trimmed(2000).min(1) }),
    }),
    /** The unit reports back what it did: the hotline then calls the citizen back (unit route). */
    z.strictObject({
      ...eventBase,
      type: z.literal('unit_feedback'),
      payload: z.strictObject({ unitCode: unitCodeSchema, summary: trimmed(2000).min(1) }),
    }),
    /** The unit says the ticket is not theirs, and why; the hotline re-dispatches it (unit route). */
    z.strictObject({
      ...eventBase,
      type: z.literal('unit_returned'),
      payload: z.strictObject({ unitCode: unitCodeSchema, reason: trimmed(1000).min(1) }),
    }),
    /** The unit asks for more time before its feedback is due (unit route). */
    z.strictObject({
      ...eventBase,
      type: z.literal('extension_requested'),
      payload: z.strictObject({
        unitCode: unitCodeSchema,
        hours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30),
        reason: trimmed(1000).min(1),
      }),
    }),
    /** The hotline grants or refuses a pending extension request. */
    z.strictObject({
      ...eventBase,
      type: z.literal('extension_decided'),
      payload: z.strictObject({ approved: z.boolean(), note: trimmed(1000).optional() }),
    }),
    /** The agent called the citizen back after the unit's feedback and recorded satisfaction. */
    z.strictObject({
      ...eventBase,
      type: z.literal('callback_recorded'),
      payload: z.strictObject({
        satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
        note: trimmed(1000).optional(),
      }),
    }),
    /** Made by the server only, right after it accepts a `created` event. */
    z.strictObject({
      ...eventBase,
      type: z.literal('numbered'),
      payload: z.strictObject({ officialNo: officialNumberSchema }),
    }),
  ]);

/** An event as it comes in: every text is plain text, the time inside the wire window. */
export const ticketEventSchema = eventSchemaOf(plainText, eventBaseOf(true), 'event');
/** An event as it was stored (server database, workstation cache and outbox): read back as it is. */
export const storedTicketEventSchema = eventSchemaOf(storedText, eventBaseOf(false), 'stored');

/** Event types only the server may make; a workstation pushing one is refused. */
export const serverOnlyEventTypes: readonly TicketEventType[] = ['numbered'];
/** Event types only a handling unit may make (through the unit routes), and only for its own tickets. */
export const unitEventTypes: readonly TicketEventType[] = [
  'unit_accepted',
  'unit_progress',
  'unit_feedback',
  'unit_returned',
  'extension_requested',
];
/** Event types only a team lead (or an admin) may make. */
export const leadEventTypes: readonly TicketEventType[] = ['urged'];
export const satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export type TicketEventType = TicketEvent['type'];

export const ticketSchema = z.strictObject({
  id: idSchema,
  provisionalNo: provisionalNumberSchema,
  officialNo: z.string().nullable(),
  status: ticketStatusSchema,
  resolution: z.string().nullable(),
  fields: storedFieldsSchema,
  unitCodes: z.array(z.string()),
  leadUnitCode: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  notes: z.array(z.strictObject({ at: z.string(), actor: z.string(), text: z.string() })),
  /** Later calls about this ticket (repeat callers), oldest first. */
  followUps: z
    .array(z.strictObject({ at: z.string(), actor: z.string(), callId: z.string().nullable(), note: z.string().nullable() }))
    .default([]),
  /** The earlier ticket this one repeats, when the agent linked them at intake. */
  duplicateOf: z.string().nullable().default(null),
  /** When the current dispatch was made: the unit's feedback clock runs from here. */
  dispatchedAt: z.string().nullable().default(null),
  acceptedAt: z.string().nullable().default(null),
  /** The unit's report, once it has given one. */
  feedback: z.strictObject({ at: z.string(), unitCode: z.string(), summary: z.string() }).nullable().default(null),
  /** Why and when the unit last returned the ticket (the dispatch clock runs again from then). */
  returnReason: z.string().nullable().default(null),
  returnedAt: z.string().nullable().default(null),
  /** Extra feedback time granted to the unit, in hours. */
  extensionHours: z.number().int().nonnegative().default(0),
  extensionRequest: z
    .strictObject({ at: z.string(), unitCode: z.string(), hours: z.number(), reason: z.string() })
    .nullable()
    .default(null),
  satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']).nullable().default(null),
  /** How often an unsatisfied callback sent the ticket back to the unit. */
  redoCount: z.number().int().nonnegative().default(0),
  articleCode: z.string().nullable().default(null),
  mergedInto: z.string().nullable().default(null),
  /** The status a merged ticket had before the merge, which an unmerge gives back. */
  statusBeforeMerge: ticketStatusSchema.nullable().default(null),
  closedAt: z.string().nullable().default(null),
  /** How often a lead urged a unit on this order (督办), and the last time: the unit sees both. */
  urgedCount: z.number().int().nonnegative().default(0),
  lastUrge: z.strictObject({ at: z.string(), actor: z.string(), unitCode: z.string(), reason: z.string() }).nullable().default(null),
  /** How many events the state was folded from (confirmed and pending). */
  eventCount: z.number().int().nonnegative(),
});
export type Ticket = z.infer<typeof ticketSchema>;
