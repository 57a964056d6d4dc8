import { z } from 'zod';
import { referenceKindSchema } from '../server-api/reference';
import { defineCall } from './define';

export const cachedReferenceSchema = z.strictObject({
  kind: referenceKindSchema,
  code: z.string(),
  body: z.record(z.string(), z.unknown()),
});
export type CachedReference = z.infer<typeof cachedReferenceSchema>;

export const referenceCalls = {
  list: defineCall({
    doc: 'Cached reference data of the given kinds (categories, districts, streets, units …), for pickers that filter locally.',
    input: z.strictObject({ kinds: z.array(referenceKindSchema).min(1).max(8) }),
    output: z.array(cachedReferenceSchema),
  }),
};
