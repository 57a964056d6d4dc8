import { z } from 'zod';
import { v7 } from 'uuid';
import { slaClock, slaPolicyFrom } from '../../shared/domain/sla';
import { type Ticket, ticketSchema, type TicketEvent } from '../../shared/domain/ticket';
import type { Database, Queryable } from '../db/database';
import { pushEvents } from '../events/push';
import { referenceLookup } from '../reference/reference-store';
import { serviceAttributes } from './catalogue';

/** An error in the spec's shape: `[{ code, description }]` with the HTTP status as the code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    description: string,
  ) {
    super(description);
  }
}

const text = (max: number) => z.string().trim().max(max).optional();
const postSchema = z.object({
  api_key: z.string().min(1).max(200).optional(),
  service_code: z.string().min(1).max(64).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
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
});

/** Form fields named `attribute[CODE]`, as the spec sends service attributes. */
function attributesOf(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => {
      const m = /^attribute\[(.+)\]$/.exec(k);
      return m ? [[m[1]!, Array.isArray(v) ? v.join(',') : String(v)]] : [];
    }),
  );
}

/**
 * Files a service request as a ticket (channel open311) through the same write path as every
 * other: it appears on the workstations and is numbered at once; that number is the request id.
 */
export async function createRequest(db: Database, client: string, rawBody: Record<string, unknown>, timeZone: string): Promise<{ serviceRequestId: string; ticketId: string }> {
  const parsed = postSchema.safeParse(rawBody);
  if (!parsed.success) throw new Open311Error(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '));
  const body = parsed.data;
  if (!body.service_code) throw new Open311Error(400, 'service_code is required');
  const [service] = await db.query<{ code: string }>(`SELECT code FROM reference_items WHERE kind = 'category' AND code = $1 AND body ->> 'parent' IS NOT NULL AND NOT deleted`, [body.service_code]);
  if (!service) throw new Open311Error(404, `service_code ${body.service_code} was not found`);
  const hasPoint = body.lat !== undefined && body.long !== undefined;
  if ((body.lat === undefined) !== (body.long === undefined)) throw new Open311Error(400, 'lat and long are given together');
  if (!hasPoint && !body.address_string && !body.address_id) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');

  const attributes = attributesOf(rawBody);
  const notes: string[] = [];
  for (const attribute of serviceAttributes(body.service_code)) {
    const value = attributes[attribute.code];
    if (value === undefined || value === '') {
      if (attribute.required) throw new Open311Error(400, `attribute[${attribute.code}] is required for ${body.service_code}`);
      continue;
    }
    if (attribute.datatype === 'number' && !Number.isFinite(Number(value))) throw new Open311Error(400, `attribute[${attribute.code}] must be a number`);
    if (attribute.values && !attribute.values.some((v) => v.key === value)) throw new Open311Error(400, `attribute[${attribute.code}] must be one of ${attribute.values.map((v) => v.key).join(', ')}`);
    notes.push(`${attribute.description}: ${attribute.values?.find((v) => v.key === value)?.name ?? value}`);
  }
  const description = [body.description || '(no description)', ...notes].join('\n').slice(0, 4000);
  const name = [body.last_name, body.first_name].filter(Boolean).join('');

  const [counter] = await db.query<{ value: number }>(`UPDATE counters SET value = value + 1 WHERE name = 'open311_seq' RETURNING value`);
  const ticketId = v7();
  const created: TicketEvent = {
    id: v7(),
    ticketId,
    type: 'created',
    at: new Date().toISOString(),
    actor: `open311:${client}`.slice(0, 64),
    origin: 'open311',
    payload: {
      provisionalNo: `WEB3-${String(counter!.value).padStart(6, '0')}`,
      fields: {
        requestType: 'report',
        category: body.service_code,
        urgency: 'normal',
        description,
        channel: 'open311',
        ...(name ? { callerName: name } : {}),
        ...(body.phone ? { callerPhone: body.phone } : {}),
        ...(body.address_string || body.address_id ? { addressDetail: [body.address_string, body.address_id ? `#${body.address_id}` : ''].filter(Boolean).join(' ') } : {}),
        ...(hasPoint ? { latitude: body.lat, longitude: body.long } : {}),
        ...(body.media_url ? { mediaUrl: body.media_url } : {}),
      },
    },
  };
  const { results } = await pushEvents(db, [created], { user: 'system', timeZone });
  if (results[0]!.status === 'rejected') throw new Open311Error(400, results[0]!.reason);
  const [row] = await db.query<{ official_no: string }>(`SELECT official_no FROM tickets WHERE id = $1`, [ticketId]);
  return { serviceRequestId: row!.official_no, ticketId };
}

export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string | null;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: number | string;
  long: number | string;
  media_url: string;
}

const statusNotes: Record<Ticket['status'], string> = {
  registered: '已受理 Registered, waiting for dispatch',
  dispatched: '已派单 Dispatched to the handling unit',
  accepted: '承办单位已签收 Accepted by the handling unit',
  in_progress: '办理中 In progress',
  returned: '承办单位退回，待重新派单 Returned by the unit; being re-dispatched',
  feedback: '承办单位已反馈，待回访 The unit reported back; the hotline will call back',
  closed: '已办结 Closed',
};

/** A time with its zone offset, in the centre's time zone, as the spec asks (2026-11-29T17:30:00+08:00). */
export function zoned(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hh}:${mm}`;
}

/** Our ticket as an Open311 request: open/closed with notes, the routed unit, the SLA deadline. */
export async function toServiceRequests(db: Queryable, tickets: Ticket[], timeZone: string): Promise<ServiceRequest[]> {
  const body = await referenceLookup(db, ['category', 'unit', 'slaPolicy']);
  return tickets.map((t) => {
    const category = t.fields.category ? body('category', t.fields.category) : undefined;
    const policy = slaPolicyFrom(t, body);
    const clock = policy ? slaClock(t, policy, new Date()) : null;
    const unit = t.leadUnitCode ? body('unit', t.leadUnitCode) : undefined;
    return {
      service_request_id: t.officialNo ?? t.provisionalNo,
      status: t.status === 'closed' ? 'closed' : 'open',
      status_notes: [statusNotes[t.status], t.resolution ? `(${t.resolution})` : '', t.feedback?.summary ?? ''].filter(Boolean).join(' '),
      service_name: category ? `${String(category.zh)} ${String(category.en)}` : '',
      service_code: t.fields.category ?? null,
      description: t.fields.description,
      agency_responsible: unit ? `${String(unit.zh)} ${String(unit.en)}` : '',
      service_notice: '',
      requested_datetime: zoned(t.createdAt, timeZone),
      updated_datetime: zoned(t.updatedAt, timeZone),
      expected_datetime: clock ? zoned(clock.dueAt, timeZone) : '',
      address: t.fields.addressDetail ?? '',
      address_id: '',
      zipcode: '',
      lat: t.fields.latitude ?? '',
      long: t.fields.longitude ?? '',
      media_url: t.fields.mediaUrl ?? '',
    };
  });
}

export const parseTickets = (rows: { state: unknown }[]) => rows.map((r) => ticketSchema.parse(r.state));
