import { z } from 'zod';
import { findUnsafeCharacter } from '../domain/plain-text';
import { wireTimeWindow } from '../domain/wire-time';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as this server speaks it. Every
 * resource comes as `.json` and `.xml`; the XML answers carry the same content, documented here as
 * text. Input messages are the spec's wording, as clients show them to people.
 */
export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

/** A query value given twice (`?status=open&status=closed`) is read as one comma-separated list. */
const single = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (Array.isArray(v) ? v.join(',') : v), schema);

/** A comma-separated list, blanks dropped. */
const commaList = (check?: { allowed: readonly string[]; message: string }) =>
  single(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        const items =
          value === undefined
            ? []
            : value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
        if (check && items.some((item) => !check.allowed.includes(item))) {
          ctx.addIssue({ code: 'custom', message: check.message });
          return z.NEVER;
        }
        return items;
      }),
  );

const count = (name: string, max: number) =>
  single(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
        if (n >= 1 && n <= max) return n;
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from 1 to ${max}` });
        return z.NEVER;
      }),
  );

const earliest = Date.parse(wireTimeWindow.from);
const latest = Date.parse(wireTimeWindow.until);
const isoDateOrTime = z.iso.datetime({ offset: true, local: false }).or(z.iso.date());

/** Dates lie in the window every date on the wire does: PostgreSQL has no year 0. */
const date = (name: string) =>
  single(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === '') return undefined;
        if (!isoDateOrTime.safeParse(value).success) {
          ctx.addIssue({ code: 'custom', message: `${name} must be an ISO 8601 date or time, e.g. 2026-11-01T00:00:00+08:00` });
          return z.NEVER;
        }
        const at = new Date(value);
        if (Number.isNaN(at.getTime()) || at.getTime() < earliest || at.getTime() >= latest) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} must be between ${wireTimeWindow.from.slice(0, 4)} and ${Number(wireTimeWindow.until.slice(0, 4)) - 1}`,
          });
          return z.NEVER;
        }
        return at;
      }),
  );

export const open311MaxPageSize = 100;

/** `GET requests`: with service_request_id given, the spec ignores the other filters. */
export const open311RequestsQuerySchema = z.object({
  service_request_id: commaList(),
  service_code: commaList(),
  status: commaList({ allowed: ['open', 'closed'], message: 'status must be open or closed' }),
  start_date: date('start_date'),
  end_date: date('end_date'),
  page: count('page', 100_000),
  page_size: count('page_size', open311MaxPageSize),
  jurisdiction_id: single(z.string().optional()),
});

/** A resource named in the path with its format: `water.outage.json` → `{ name: 'water.outage', format: 'json' }`. */
export const open311ResourceSchema = z.strictObject({
  file: z
    .string()
    .min(1)
    .transform((file, ctx) => {
      const match = /^(.+)\.(json|xml)$/.exec(file);
      const format = z.enum(open311Formats).safeParse(match?.[2]);
      if (!match || !format.success) {
        ctx.addIssue({ code: 'custom', message: 'add .json or .xml to the resource name' });
        return z.NEVER;
      }
      return { name: match[1]!, format: format.data };
    }),
});

const text = (max: number) => z.string().trim().max(max).optional();
/**
 * A coordinate is a decimal number or nothing: an empty field means the client left it out
 * (never 0, which is a real place), and anything else that is not a number is refused.
 */
const coordinate = (limit: number) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[+-]?\d+(\.\d+)?$/, 'must be a decimal number of degrees')
      .transform(Number)
      .pipe(z.number().min(-limit).max(limit))
      .optional(),
  );

/**
 * `POST requests`, form-encoded or JSON. Service attributes arrive as further fields named
 * `attribute[CODE]`, kept as sent; the service's definition says which it needs.
 */
export const open311PostSchema = z.preprocess(
  (v) => v ?? {},
  z.looseObject({
    api_key: z.string().max(200).optional(),
    service_code: z.string().max(64).optional(),
    lat: coordinate(90),
    long: coordinate(180),
    address_string: text(300),
    address_id: text(64),
    email: z.union([z.literal(''), z.email()]).optional(),
    device_id: text(100),
    account_id: text(100),
    first_name: text(50),
    last_name: text(50),
    phone: text(32),
    description: z.string().trim().max(4000, 'description is longer than 4,000 characters').optional(),
    media_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
  }),
);
export type Open311Post = z.output<typeof open311PostSchema>;

const optionalString = z.string().nullable();
export const open311ErrorsSchema = z.array(z.strictObject({ code: z.number().int().min(400).max(599), description: z.string() })).min(1);

export const open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: optionalString,
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: optionalString,
  group: optionalString,
});

export const open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: optionalString,
      order: z.number().int().nullable(),
      description: optionalString,
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: optionalString,
  service_name: optionalString,
  service_code: z.string(),
  description: optionalString,
  agency_responsible: optionalString,
  service_notice: optionalString,
  requested_datetime: z.string(),
  updated_datetime: optionalString,
  expected_datetime: optionalString,
  address: optionalString,
  address_id: optionalString,
  zipcode: optionalString,
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: optionalString,
});

export const open311PostResponseSchema = z.array(
  z.object({ service_request_id: z.string(), service_notice: optionalString, account_id: optionalString }),
);
export const open311TokensSchema = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

/** Published on Open311: a summary the public may read, never the caller, phone, address or description. */
export const publicSummarySchema = z
  .string()
  .trim()
  .min(10, 'write at least 10 characters: what the request is about and where, in words the public may read')
  .max(1000, 'keep the public summary under 1,000 characters')
  .refine((summary) => findUnsafeCharacter(summary) === null, 'remove control characters and invalid characters')
  .refine((summary) => !/\d{7}/.test(summary.replace(/[\s-]/g, '')), 'a public summary carries no phone or ID numbers');

export const publicationSchema = z.object({
  ticketId: z.string(),
  serviceRequestId: z.string(),
  summary: z.string(),
  publishedBy: z.string(),
  publishedAt: z.string(),
});
export type Publication = z.infer<typeof publicationSchema>;

export const open311KeySchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
export const issuedOpen311KeySchema = z.object({ id: z.string(), name: z.string(), apiKey: z.string() });
