import { z } from 'zod';
import { referenceEntrySchema, referenceKindSchema } from '../domain/reference';
import { defineCall } from './define';

export const cachedReferenceSchema = referenceEntrySchema;
export type CachedReference = z.infer<typeof cachedReferenceSchema>;

export const referenceCalls = {
  list: defineCall({
    doc: 'Cached reference data of the given kinds (categories, districts, streets, units …), for pickers that filter locally.',
    input: z.strictObject({ kinds: z.array(referenceKindSchema).min(1).max(8) }),
    output: z.array(cachedReferenceSchema),
  }),
};
