/**
 * Reference data: every item is (kind, code) → body, and each kind's body has its schema. The
 * server checks a body before it stores it; the workstation checks every item it pulls, and an item
 * this build cannot read is refused on its own, never with the page it came in.
 */
import { z } from 'zod';
import { categoryModelSchema } from './classifier-model';

export const referenceKinds = [
  'requestType',
  'category',
  'district',
  'street',
  'unit',
  'queue',
  'routingRule',
  'slaPolicy',
  'article',
  'model',
  'wrapup',
  'person',
  'breakReason',
  'calendarDay',
  'routingProposal',
] as const;
export const referenceKindSchema = z.enum(referenceKinds);
export type ReferenceKind = z.infer<typeof referenceKindSchema>;

/** What a call led to, as the workstation knows it at wrap-up. */
export const wrapUpOutcomes = ['ticket', 'direct_answer', 'follow_up'] as const;
export type WrapUpOutcome = (typeof wrapUpOutcomes)[number];

export const slaClasses = ['emergency', 'utility', 'general', 'complex'] as const;
export const slaClassSchema = z.enum(slaClasses);
export type SlaClass = z.infer<typeof slaClassSchema>;

const name = z.string().min(1);
const code = z.string().min(1);
/** Full pinyin and initials of the name, for matching `chaoyang` and `cy` to 朝阳区. */
const spellings = { pinyin: z.string(), initials: z.string() };

export const referenceBodySchemas = {
  requestType: z.object({ zh: name, en: name }),
  /** A group (parent null) or a leaf of the dispatch catalogue; leaves carry their SLA class and keywords. */
  category: z.object({
    zh: name,
    en: name,
    parent: code.nullable(),
    sla: slaClassSchema.optional(),
    keywords: z.array(z.string()).optional(),
    pinyin: z.string().optional(),
    initials: z.string().optional(),
    /** false: retired, no longer offered for new tickets; kept for the tickets that use it. */
    active: z.boolean().optional(),
  }),
  district: z.object({ zh: name, en: name, ...spellings }),
  street: z.object({ zh: name, en: name, districtCode: code, district: z.string().optional(), ...spellings }),
  /** `type` is the kind of office (district, subdistrict, town, department, company …); cities add their own. */
  unit: z.object({
    zh: name,
    en: name,
    type: code,
    districtCode: code.optional(),
    streetCode: code.optional(),
    /** Who the hotline calls there (a duty phone, an e-mail), as the admin wrote it. */
    contact: z.string().max(200).optional(),
    /** false: retired, no longer dispatched to; kept for the tickets it handled. */
    active: z.boolean().optional(),
  }),
  /** A queue of the phone switch (its name in CTI events, `general`), as the lead's screens name it. */
  queue: z.object({ zh: name, en: name }),
  /** Category × district (null: city-wide) → `street`, `district` or a fixed unit's code. */
  routingRule: z.object({
    category: code,
    districtCode: code.nullable(),
    /** A street-level rule (9-digit street code) wins over its district's and the city-wide one. */
    streetCode: code.nullable().optional(),
    /** The lead unit: `street`, `district` or a fixed unit's code. */
    target: code,
    /** Units that co-handle with the lead (fixed unit codes). */
    also: z.array(code).optional(),
  }),
  /**
   * Time limits. `feedbackWorkingDays`, when given, counts the feedback limit in working days of the
   * centre's calendar (kind calendarDay) instead of `feedbackMinutes`.
   */
  slaPolicy: z.object({
    zh: name,
    en: name,
    dispatchMinutes: z.number().int().positive(),
    feedbackMinutes: z.number().int().positive(),
    feedbackWorkingDays: z.number().int().positive().max(365).optional(),
  }),
  /**
   * A knowledge-base article; bodies are Markdown (rendered without raw HTML). `status` draft is
   * kept from agents' searches; absent means published. `categories`: further categories it answers.
   */
  article: z.object({
    category: code,
    titleZh: name,
    titleEn: name,
    bodyZh: name,
    bodyEn: name,
    categories: z.array(code).optional(),
    keywords: z.array(z.string()).optional(),
    status: z.enum(['draft', 'published']).optional(),
  }),
  model: categoryModelSchema,
  /**
   * A wrap-up code the agent gives a call at hang-up, in `order` (the digit beside it). `proposedFor`:
   * the outcome of the call this code is proposed for (a new ticket, a direct answer, a follow-up).
   */
  wrapup: z.object({
    zh: name,
    en: name,
    order: z.number().int().nonnegative().optional(),
    proposedFor: z.enum(wrapUpOutcomes).optional(),
  }),
  /** Someone who acts on tickets (agent, lead, unit staff), by username: the name the timeline shows. */
  person: z.object({ name }),
  /** Why an agent is on a break (meal, training, meeting …), in `order` (the digit beside it). */
  breakReason: z.object({ zh: name, en: name, order: z.number().int().nonnegative().optional() }),
  /**
   * A day that breaks the week's pattern (code YYYY-MM-DD): a public holiday on a weekday
   * (workday false) or a make-up working day on a weekend (workday true).
   */
  calendarDay: z.object({ zh: name, en: name, workday: z.boolean() }),
  /**
   * Who handled a category in a district (or street) in the centre's history, with each unit's
   * share of those tickets: proposed routing where no written rule says otherwise.
   */
  routingProposal: z.object({
    category: code,
    districtCode: code.nullable(),
    streetCode: code.nullable().optional(),
    units: z.array(z.object({ unitCode: code, share: z.number().min(0).max(1), tickets: z.number().int().nonnegative() })).min(1),
    tickets: z.number().int().positive(),
  }),
} satisfies Record<ReferenceKind, z.ZodType>;

export type ReferenceBodies = { [K in ReferenceKind]: z.output<(typeof referenceBodySchemas)[K]> };

/** One reference item without its version: what the server writes and the workstation hands to its UI. */
export type ReferenceEntry = { [K in ReferenceKind]: { kind: K; code: string; body: ReferenceBodies[K] } }[ReferenceKind];

const entrySchemaOf = <K extends ReferenceKind>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), code: z.string(), body: referenceBodySchemas[kind] });

export const referenceEntrySchema = z.discriminatedUnion('kind', [
  entrySchemaOf('requestType'),
  entrySchemaOf('category'),
  entrySchemaOf('district'),
  entrySchemaOf('street'),
  entrySchemaOf('unit'),
  entrySchemaOf('queue'),
  entrySchemaOf('routingRule'),
  entrySchemaOf('slaPolicy'),
  entrySchemaOf('article'),
  entrySchemaOf('model'),
  entrySchemaOf('wrapup'),
  entrySchemaOf('person'),
  entrySchemaOf('breakReason'),
  entrySchemaOf('calendarDay'),
  entrySchemaOf('routingProposal'),
]);

/** Why a body cannot be read as its kind's, in one line (`dispatchMinutes: expected number`). */
export const describeIssues = (error: z.ZodError) =>
  error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

export type BodyCheck<K extends ReferenceKind> = { ok: true; body: ReferenceBodies[K] } | { ok: false; reason: string };

// The same schemas typed by kind, so that indexing them with a generic kind keeps the kind.
const bodySchemas: { [K in ReferenceKind]: z.ZodType<ReferenceBodies[K]> } = referenceBodySchemas;

/** A body checked against its kind's schema; the reason says which fields are wrong. */
export function checkReferenceBody<K extends ReferenceKind>(kind: K, body: unknown): BodyCheck<K> {
  const parsed = bodySchemas[kind].safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}

/** The entries of one kind, typed as that kind's. */
export const entriesOf = <K extends ReferenceKind>(entries: readonly ReferenceEntry[], kind: K) =>
  entries.filter((e): e is Extract<ReferenceEntry, { kind: K }> => e.kind === kind);

export type EntryCheck = { ok: true; entry: ReferenceEntry } | { ok: false; reason: string };

/** An item of any kind checked whole: an unknown kind is refused as plainly as a wrong body. */
export function checkReferenceEntry(entry: { kind: string; code: string; body: unknown }): EntryCheck {
  const kind = referenceKindSchema.safeParse(entry.kind);
  if (!kind.success) return { ok: false, reason: `kind ${entry.kind} is not one this version knows (${referenceKinds.join(', ')})` };
  const parsed = referenceEntrySchema.safeParse({ kind: kind.data, code: entry.code, body: entry.body });
  return parsed.success ? { ok: true, entry: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}

/** Looks up the bodies of reference items by kind and code; undefined when there is none. */
export type ReferenceLookup<K extends ReferenceKind = ReferenceKind> = <T extends K>(
  kind: T,
  code: string,
) => ReferenceBodies[T] | undefined;

type ByKind = { [K in ReferenceKind]: Map<string, ReferenceBodies[K]> };

const emptyMap = () => new Map<string, never>();
/** One empty map per kind, keyed by code; the caller's type says what each holds. */
export const mapsPerKind = (): { [K in ReferenceKind]: Map<string, never> } => ({
  requestType: emptyMap(),
  category: emptyMap(),
  district: emptyMap(),
  street: emptyMap(),
  unit: emptyMap(),
  queue: emptyMap(),
  routingRule: emptyMap(),
  slaPolicy: emptyMap(),
  article: emptyMap(),
  model: emptyMap(),
  wrapup: emptyMap(),
  person: emptyMap(),
  breakReason: emptyMap(),
  calendarDay: emptyMap(),
  routingProposal: emptyMap(),
});

const put = <K extends ReferenceKind>(byKind: ByKind, kind: K, code: string, body: ReferenceBodies[K]) => byKind[kind].set(code, body);

/** Checked items indexed by kind and code. */
export function referenceIndex(entries: Iterable<ReferenceEntry>): ReferenceLookup {
  const byKind: ByKind = mapsPerKind();
  for (const entry of entries) put(byKind, entry.kind, entry.code, entry.body);
  return (kind, code) => byKind[kind].get(code);
}
