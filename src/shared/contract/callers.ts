import { z } from 'zod';
import { defineCall } from './define';
import { ticketSummarySchema } from './tickets';

/** Who the caller said they were and where, on their latest tickets: what the intake offers to take over. */
export const callerDetailsSchema = z.strictObject({
  callerName: z.string().nullable(),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  addressDetail: z.string().nullable(),
});
export type CallerDetails = z.infer<typeof callerDetailsSchema>;

export const callerHistorySchema = z.strictObject({
  /** The normalised number the history was looked up by. */
  phoneKey: z.string(),
  /** Open tickets first, then the rest, newest first within each. */
  tickets: z.array(ticketSummarySchema),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  /** Called about something before within the repeat window (30 days). */
  repeatCaller: z.boolean(),
  /** Null when no cached ticket of this caller names them or a place. */
  details: callerDetailsSchema.nullable(),
});
export type CallerHistory = z.infer<typeof callerHistorySchema>;

export const callersCalls = {
  history: defineCall({
    doc: "A caller's earlier tickets from the local cache (works offline), by any way of writing the number.",
    input: z.strictObject({ phone: z.string().trim().min(1).max(40), limit: z.number().int().min(1).max(100).default(20) }),
    // Null: the text is not a phone number.
    output: callerHistorySchema.nullable(),
  }),
};
