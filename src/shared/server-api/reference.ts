import { z } from 'zod';

/**
 * Reference data the workstations cache: every item is (kind, code) → body, versioned by one
 * global counter so a workstation pulls only what changed since its last version.
 */
export const referenceKinds = ['requestType', 'category', 'district', 'street', 'unit', 'routingRule', 'slaPolicy', 'article', 'model'] as const;
export const referenceKindSchema = z.enum(referenceKinds);
export type ReferenceKind = z.infer<typeof referenceKindSchema>;

export const referenceItemSchema = z.strictObject({
  kind: referenceKindSchema,
  code: z.string(),
  version: z.number().int().positive(),
  deleted: z.boolean(),
  body: z.record(z.string(), z.unknown()),
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export const referenceQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const referenceResponseSchema = z.strictObject({
  items: z.array(referenceItemSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
