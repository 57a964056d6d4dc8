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
});
export type Draft = z.infer<typeof draftSchema>;

export const draftsCalls = {
  save: defineCall({
    doc: 'Saves a draft durably (it survives a crash once this returns).',
    // A save in flight when the screen locks must still land (nothing typed is lost); it reveals nothing.
    whileLocked: true,
    input: draftSchema.omit({ updatedAt: true }),
    output: z.strictObject({ savedAt: z.string() }),
  }),
  get: defineCall({
    doc: 'One draft, or null when there is none with that id.',
    input: z.strictObject({ id: idSchema }),
    output: draftSchema.nullable(),
  }),
  list: defineCall({
    doc: 'All drafts on this workstation, newest first.',
    input: z.strictObject({}),
    output: z.array(draftSchema),
  }),
  discard: defineCall({
    doc: 'Deletes a draft (after its ticket was submitted, or on purpose).',
    input: z.strictObject({ id: idSchema }),
    output: z.strictObject({ discarded: z.boolean() }),
  }),
};
