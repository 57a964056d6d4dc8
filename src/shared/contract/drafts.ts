import { z } from 'zod';
import { idSchema } from '../domain/ids';
import { defineCall } from './define';

/**
 * A draft holds whatever the agent has typed so far, valid or not: it must never be refused for
 * being incomplete, only for being too big or not text.
 */
export const draftBodySchema = z
  .record(z.string().max(64), z.union([z.string().max(8000), z.boolean(), z.number(), z.null()]))
  .refine((body) => Object.keys(body).length <= 64, 'a draft has at most 64 fields');

export const draftSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['intake']),
  body: draftBodySchema,
  updatedAt: z.string(),
  /**
   * When the agent left it unfinished for another intake (a call popped, a new intake, another
   * draft brought back); null while it is the one in the form, which is what a restart restores.
   */
  parkedAt: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** A draft nobody touched for this long is deleted: its caller has long since called again or given up. */
export const draftMaxAgeDays = 7;

export const draftsCalls = {
  save: defineCall({
    doc: 'Saves a draft durably (it survives a crash once this returns); `parked` when the form moves on to another intake.',
    // A save in flight when the screen locks must still land (nothing typed is lost); it reveals nothing.
    whileLocked: true,
    input: draftSchema.pick({ id: true, kind: true, body: true }).extend({ parked: z.boolean().default(false) }),
    /** `kept` is false when the draft's ticket was made already: the save changed nothing. */
    output: z.strictObject({ savedAt: z.string(), kept: z.boolean() }),
  }),
  get: defineCall({
    doc: 'One draft, or null when there is none with that id.',
    input: z.strictObject({ id: idSchema }),
    output: draftSchema.nullable(),
  }),
  list: defineCall({
    doc: `All drafts on this workstation, newest first (drafts untouched for ${draftMaxAgeDays} days are deleted first).`,
    input: z.strictObject({}),
    output: z.array(draftSchema),
  }),
  discard: defineCall({
    doc: 'Deletes a draft (its ticket was made, or on purpose); a save of it arriving later changes nothing.',
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ discarded: z.boolean() }),
  }),
};
