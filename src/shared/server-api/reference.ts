import { z } from 'zod';
import { referenceBodySchemas, type ReferenceEntry } from '../domain/reference';

export { referenceKinds, referenceKindSchema, type ReferenceKind } from '../domain/reference';

/**
 * Reference data the workstations cache: every item is (kind, code) → body, versioned by one
 * global counter so a workstation pulls only what changed since its last version.
 */
const itemSchemaOf = <K extends keyof typeof referenceBodySchemas>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    code: z.string(),
    version: z.number().int().positive(),
    deleted: z.boolean(),
    body: referenceBodySchemas[kind],
  });

export const referenceItemSchema = z.discriminatedUnion('kind', [
  itemSchemaOf('requestType'),
  itemSchemaOf('category'),
  itemSchemaOf('district'),
  itemSchemaOf('street'),
  itemSchemaOf('unit'),
  itemSchemaOf('queue'),
  itemSchemaOf('routingRule'),
  itemSchemaOf('slaPolicy'),
  itemSchemaOf('article'),
  itemSchemaOf('model'),
  itemSchemaOf('wrapup'),
  itemSchemaOf('person'),
  itemSchemaOf('breakReason'),
  itemSchemaOf('calendarDay'),
  itemSchemaOf('routingProposal'),
]);
export type ReferenceItem = z.infer<typeof referenceItemSchema>;
export type { ReferenceEntry };

/**
 * The header of every reference page naming the centre's time zone (the server's TIMEZONE): the
 * zone working days are counted in, which the workstation keeps with the calendar it caches. A
 * header and not a field, so a workstation that does not know it reads the page as before.
 */
export const centreTimeZoneHeader = 'x-centre-time-zone';

export const referenceQuerySchema = z.strictObject({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

/** What the server sends: only items whose body it has checked. */
export const referenceResponseSchema = z.strictObject({
  items: z.array(referenceItemSchema),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});

/**
 * The same page as the workstation reads it: each item's kind and body are checked one by one
 * afterwards, so an item this version cannot read (a kind or a field from a newer server) is
 * refused alone and the rest of the page is stored.
 */
export const referencePageSchema = z.strictObject({
  items: z.array(
    z.strictObject({ kind: z.string(), code: z.string(), version: z.number().int().positive(), deleted: z.boolean(), body: z.unknown() }),
  ),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ReferencePage = z.infer<typeof referencePageSchema>;
export type UncheckedReferenceItem = ReferencePage['items'][number];
