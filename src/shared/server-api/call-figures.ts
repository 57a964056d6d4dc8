import { z } from 'zod';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const seconds = z.number().nonnegative().nullable();

/** The sums the call figures are made of; two tallies add up field by field (see domain/call-figures.ts). */
export const callTallySchema = z.strictObject({
  offered: count,
  answered: count,
  abandoned: count,
  /** Abandoned within the service-level threshold: the caller hung up before the centre could have answered in time. */
  shortAbandoned: count,
  answeredInThreshold: count,
  /** Still waiting, and already longer than the threshold: a miss, whatever happens next. */
  waitingOverThreshold: count,
  /** Seconds from arrival to answer, summed over the answered calls. */
  answerWaitSeconds: z.number().nonnegative(),
  /** Answered calls that have ended (the ones with a handle time). */
  handled: count,
  handleSeconds: z.number().nonnegative(),
});
export type CallTally = z.infer<typeof callTallySchema>;

export const callFiguresSchema = callTallySchema.extend({
  /** Arrived and neither answered nor abandoned yet. */
  waiting: count,
  serviceLevel: share,
  abandonRate: share,
  /** Average speed of answer. */
  asaSeconds: seconds,
  /** Average handle time (answer to hang-up). */
  ahtSeconds: seconds,
});
export type CallFigures = z.infer<typeof callFiguresSchema>;

export const callFiguresResponseSchema = z.strictObject({
  at: z.string(),
  /** The centre's day the figures cover (YYYY-MM-DD in its time zone); hours are its hours. */
  day: z.string(),
  thresholdSeconds: z.number().int().positive(),
  total: callFiguresSchema,
  /** Null: calls the switch put in no queue. */
  byQueue: z.array(callFiguresSchema.extend({ queue: z.string().nullable() })),
  /** All 24 hours of the day, by the hour calls arrived in; `usual` is the calls offered in that hour on the same weekday, averaged over the weeks before. */
  byHour: z.array(callFiguresSchema.extend({ hour: z.number().int().min(0).max(23), usual: z.number().nonnegative() })),
  /** How many earlier same weekdays `usual` averages. */
  usualWeeks: z.number().int().positive(),
});
export type CallFiguresResponse = z.infer<typeof callFiguresResponseSchema>;
