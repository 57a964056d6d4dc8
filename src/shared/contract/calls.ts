import { z } from 'zod';
import { callFiguresResponseSchema } from '../server-api/call-figures';
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
  /** The wrap-up code the agent gave the call after the hang-up, if any. */
  wrapupCode: z.string().nullable(),
});
export type LoggedCall = z.infer<typeof loggedCallSchema>;

export const callsCalls = {
  recent: defineCall({
    doc: 'Calls this workstation was rung for, newest first, missed ones marked.',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(30), missedOnly: z.boolean().default(false) }),
    output: z.array(loggedCallSchema),
  }),
  wrapUpChoices: defineCall({
    doc: "The centre's wrap-up codes in their order, and the one proposed for what the call led to (a ticket, an answer, a follow-up).",
    input: z.strictObject({ callId: z.string().min(1).max(128) }),
    output: z.strictObject({
      proposed: z.string().nullable(),
      choices: z.array(z.strictObject({ code: z.string(), zh: z.string(), en: z.string() })),
    }),
  }),
  wrapUp: defineCall({
    doc: 'Gives a call its wrap-up code (again: the later code replaces it); kept with the call and reported to the server.',
    input: z.strictObject({ callId: z.string().min(1).max(128), code: z.string().trim().min(1).max(64) }),
    output: loggedCallSchema,
  }),
  figures: defineCall({
    doc: "Today's call figures from the central server, in total, per queue and per hour (leads and administrators; online only).",
    input: z.strictObject({}),
    output: callFiguresResponseSchema,
  }),
  current: defineCall({
    doc: 'The call this agent has answered and not yet hung up, if any (for a window opened mid-call).',
    input: z.strictObject({}),
    output: loggedCallSchema.nullable(),
  }),
};
