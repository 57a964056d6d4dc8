import { z } from 'zod';
import { defineCall } from './define';
import { ticketSummarySchema } from './tickets';

export const callerHistorySchema = z.strictObject({
  /** The normalised number the history was looked up by. */
  phoneKey: z.string(),
  /** Open tickets first, then the rest, newest first within each. */
  tickets: z.array(ticketSummarySchema),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  /** Called about something before within the repeat window (30 days). */
  repeatCaller: z.boolean(),
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
