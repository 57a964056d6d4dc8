import { z } from 'zod';
import { refusalSchema } from '../domain/refusal';
import { storedTicketEventSchema } from '../domain/ticket';
import { wireDateTime } from '../domain/wire-time';

/** One push carries at most this many events; a longer outbox is pushed in several batches. */
export const maxPushBatch = 200;

/** The server refuses a request body larger than this (413). */
export const maxRequestBytes = 1024 * 1024;

/**
 * A push's body, as serialized, stays under this: half the server's limit, so a batch measured
 * here can never meet a 413 there, whatever the proxy in between adds.
 */
export const maxPushBatchBytes = maxRequestBytes / 2;

/** Events are checked one by one, so one bad event is rejected with its refusal and the rest go on. */
export const pushRequestSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(maxPushBatch),
});

export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ id: z.string(), status: z.literal('accepted'), seq: z.number().int().positive() }),
  z.strictObject({ id: z.string(), status: z.literal('duplicate'), seq: z.number().int().positive() }),
  /** A code and its parameters; `refusalMessage` says it in English for a log. */
  z.strictObject({ id: z.string(), status: z.literal('rejected'), refusal: refusalSchema }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({
  results: z.array(pushResultSchema),
  /** The highest sequence number committed after this push, for an immediate pull. */
  head: z.number().int().nonnegative(),
});

export const sequencedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  event: storedTicketEventSchema,
});
export type SequencedEvent = z.infer<typeof sequencedEventSchema>;

export const pullQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const pullResponseSchema = z.strictObject({
  events: z.array(sequencedEventSchema),
  /** Pass as `after` next time. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});

/**
 * Bootstrap (docs/architecture.md, *Sync guarantees*): a new workstation fills its cache with the tickets in its scope,
 * whole (every event up to one head), a page of tickets at a time in ticket-id order, so an
 * interrupted bootstrap resumes after the last ticket it stored. Then it pulls after `head`.
 */
export const bootstrapQuerySchema = z.strictObject({
  /** Tickets created or changed since then, and every ticket still open. */
  since: wireDateTime(),
  /** The last ticket id of the previous page; empty for the first page. */
  after: z.union([z.uuid(), z.literal('')]).default(''),
  /** The head the first page answered; 0 on the first page. */
  head: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const bootstrapResponseSchema = z.strictObject({
  /** Each ticket's events up to `head`, in sequence order, tickets in id order. */
  tickets: z.array(z.array(sequencedEventSchema)),
  /** Pass as `after` for the next page; null when this was the last. */
  next: z.uuid().nullable(),
  head: z.number().int().nonnegative(),
  /** Tickets in scope (counted on the first page only, for the progress bar; null after). */
  total: z.number().int().nonnegative().nullable(),
});

/** Whole histories of named tickets, for a cache that meets a ticket it never had (aged out, or older than its scope). */
export const ticketHistoryRequestSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export const ticketHistoryResponseSchema = z.strictObject({ events: z.array(sequencedEventSchema) });

/**
 * The caller index: one short row per ticket of the last year that is outside the cache's
 * ticket scope, so caller history reaches back a year without caching whole tickets.
 */
export const callerIndexQuerySchema = z.strictObject({
  since: wireDateTime(),
  until: wireDateTime(),
  after: z.union([z.uuid(), z.literal('')]).default(''),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});
export const callerIndexEntrySchema = z.strictObject({
  ticketId: z.uuid(),
  callerPhone: z.string(),
  officialNo: z.string(),
  status: z.string(),
  requestType: z.string(),
  category: z.string().nullable(),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  leadUnitCode: z.string().nullable(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallerIndexEntry = z.infer<typeof callerIndexEntrySchema>;
export const callerIndexResponseSchema = z.strictObject({ entries: z.array(callerIndexEntrySchema), next: z.uuid().nullable() });
