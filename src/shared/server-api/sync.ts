import { z } from 'zod';
import { ticketEventSchema } from '../domain/ticket';

/** One push carries at most this many events; a longer outbox is pushed in several batches. */
export const maxPushBatch = 200;

/** Events are checked one by one, so one bad event is rejected with its reason and the rest go on. */
export const pushRequestSchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(maxPushBatch),
});

export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ id: z.string(), status: z.literal('accepted'), seq: z.number().int().positive() }),
  z.strictObject({ id: z.string(), status: z.literal('duplicate'), seq: z.number().int().positive() }),
  z.strictObject({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({
  results: z.array(pushResultSchema),
  /** The highest sequence number committed after this push, for an immediate pull. */
  head: z.number().int().nonnegative(),
});

export const sequencedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  event: ticketEventSchema,
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
