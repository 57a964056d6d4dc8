import { z } from 'zod';
import { callSchema } from '../server-api/cti';
import { defineCall } from './define';

/** A call as this workstation's caller log keeps it. */
export const loggedCallSchema = callSchema.omit({ users: true }).extend({
  /** The caller's number as a history key (null when the switch sent no usable number). */
  phoneKey: z.string().nullable(),
  /** The ticket registered or followed up during the call, if any. */
  ticketId: z.string().nullable(),
  /** Rang this agent but ended without anyone answering. */
  missed: z.boolean(),
});
export type LoggedCall = z.infer<typeof loggedCallSchema>;

export const callsCalls = {
  recent: defineCall({
    doc: 'Calls this workstation was rung for, newest first, missed ones marked.',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(30), missedOnly: z.boolean().default(false) }),
    output: z.array(loggedCallSchema),
  }),
  current: defineCall({
    doc: 'The call this agent has answered and not yet hung up, if any (for a window opened mid-call).',
    input: z.strictObject({}),
    output: loggedCallSchema.nullable(),
  }),
};
