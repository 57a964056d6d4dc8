import { z } from 'zod';
import { referenceEntrySchema, referenceKindSchema } from '../domain/reference';

/**
 * What an administrator edits: every kind of reference data but the ones the server derives
 * (`model`: the trained classifier; `person`: names of users; `routingProposal`: learned from history).
 */
export const editableKinds = [
  'category',
  'unit',
  'routingRule',
  'slaPolicy',
  'calendarDay',
  'requestType',
  'wrapup',
  'breakReason',
  'queue',
  'article',
  'district',
  'street',
] as const;
export const editableKindSchema = z.enum(editableKinds);
export type EditableKind = z.infer<typeof editableKindSchema>;

/** One reference item as the admin sees it: the entry, its version, and who last changed it when. */
export const adminReferenceItemSchema = z.strictObject({
  entry: referenceEntrySchema,
  version: z.number().int().nonnegative(),
  changedBy: z.string().nullable(),
  changedAt: z.string().nullable(),
});
export type AdminReferenceItem = z.infer<typeof adminReferenceItemSchema>;

export const adminReferenceQuerySchema = z.strictObject({ kind: editableKindSchema });

/**
 * A save of one item. `expectedVersion` is the version the admin edited (null: a new item): a save
 * over a version someone else wrote since is refused (409), never merged.
 */
export const referenceSaveSchema = z.strictObject({
  entry: referenceEntrySchema,
  expectedVersion: z.number().int().nonnegative().nullable(),
});
export type ReferenceSave = z.infer<typeof referenceSaveSchema>;

export const referenceChangeActions = ['created', 'changed', 'retired', 'restored', 'published', 'imported'] as const;

/** One version of an item, newest first in a history. */
export const referenceVersionSchema = z.strictObject({
  version: z.number().int().nonnegative(),
  action: z.enum(referenceChangeActions),
  entry: referenceEntrySchema,
  changedBy: z.string(),
  changedAt: z.string(),
});
export type ReferenceVersion = z.infer<typeof referenceVersionSchema>;

export const referenceHistoryQuerySchema = z.strictObject({ kind: referenceKindSchema, code: z.string().min(1).max(120) });

/**
 * A CSV of one kind (UTF-8, BOM accepted, RFC 4180, the columns of that kind's export). `apply`
 * false only checks it; true writes every row in one transaction, or none.
 */
export const referenceImportSchema = z.strictObject({
  kind: editableKindSchema,
  csv: z.string().max(20_000_000),
  apply: z.boolean(),
});
export const referenceImportResultSchema = z.strictObject({
  rows: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  applied: z.boolean(),
});
export type ReferenceImportResult = z.infer<typeof referenceImportResultSchema>;

/** Where this category at this address goes, and why. */
export const routingPreviewQuerySchema = z.strictObject({
  category: z.string().min(1).max(120),
  districtCode: z.string().max(12).optional(),
  streetCode: z.string().max(12).optional(),
});
export const routingPreviewSchema = z.strictObject({
  leadUnitCode: z.string().nullable(),
  unitCodes: z.array(z.string()),
  /** rule: a written rule (`ruleCode`); history: a proposal learned from past tickets (`share`); none: nobody. */
  source: z.enum(['rule', 'history', 'none']),
  ruleCode: z.string().nullable(),
  share: z.number().nullable(),
});
export type RoutingPreview = z.infer<typeof routingPreviewSchema>;
