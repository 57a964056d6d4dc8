import { z } from 'zod';
import { agentStateFields, referenceCode } from '../server-api/presence';
import { defineCall } from './define';

/** What the agent is doing, as the lead's monitor shows it; calls set on_call and wrap_up by themselves. */
export const presenceViewSchema = z.strictObject({
  state: z.enum(['available', 'on_call', 'wrap_up', 'break']),
  since: z.string(),
  ...agentStateFields,
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
    doc: 'The agent goes on a break for one of the centre’s reasons, or comes back (a call in progress still shows as on call).',
    input: z.discriminatedUnion('state', [
      z.strictObject({ state: z.literal('available') }),
      z.strictObject({ state: z.literal('break'), reason: referenceCode }),
    ]),
    output: presenceViewSchema,
  }),
  breakReasons: defineCall({
    doc: 'The centre’s break reasons, in the order agents pick them (the digit beside each).',
    input: z.strictObject({}),
    output: z.array(z.strictObject({ code: z.string(), zh: z.string(), en: z.string() })),
  }),
  raiseHand: defineCall({
    doc: 'The agent raises a hand for a team lead’s help, or lowers it; the leads see it at once.',
    input: z.strictObject({ raised: z.boolean() }),
    output: presenceViewSchema,
  }),
};
