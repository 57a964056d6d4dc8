import { z } from 'zod';
import { defineCall } from './define';

/** What the agent is doing, as the lead's monitor shows it; calls set on_call and wrap_up by themselves. */
export const presenceViewSchema = z.strictObject({
  state: z.enum(['available', 'on_call', 'wrap_up', 'break']),
  since: z.string(),
});
export type PresenceView = z.infer<typeof presenceViewSchema>;

export const presenceCalls = {
  current: defineCall({
    doc: 'This agent’s presence as reported to the server.',
    whileLocked: true,
    input: z.strictObject({}),
    output: presenceViewSchema,
  }),
  set: defineCall({
    doc: 'The agent goes on a break or comes back (a call in progress still shows as on call).',
    input: z.strictObject({ state: z.enum(['available', 'break']) }),
    output: presenceViewSchema,
  }),
};
