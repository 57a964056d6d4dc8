import { wallClock } from '../../shared/domain/working-calendar';
import { slaClock, slaPolicyFrom } from '../../shared/domain/sla';
import { type Ticket, ticketSchema } from '../../shared/domain/ticket';
import type { Queryable } from '../db/database';
import { lookupOf } from '../reference/reference-store';
import { anyOf, empty, sql } from '../db/sql';

/** One request as GeoReport v2 shows it; optional values are null, as the public JSON Schemas allow. */
export interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** What Open311 may show of one ticket: its public row and the ticket's state (for status and deadline). */
interface PublicRow {
  source: 'open311' | 'published';
  description: string;
  address: string | null;
  address_id: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  state: unknown;
}

const columns = sql`p.source, p.description, p.address, p.address_id, p.lat, p.long, p.media_url, t.state`;

export interface RequestFilter {
  start: Date;
  end: Date;
  serviceCodes: string[];
  statuses: string[];
  page: number;
  pageSize: number;
}

/** A request's status as Open311 names it. */
const openOrClosed = sql`(CASE WHEN t.status = 'closed' THEN 'closed' ELSE 'open' END)`;

/** Public requests in a window, newest first, one page of them. */
export function publicRequestPage(db: Queryable, filter: RequestFilter): Promise<PublicRow[]> {
  return db.query<PublicRow>(
    sql`SELECT ${columns} FROM open311_public p JOIN tickets t ON t.id = p.ticket_id
     WHERE p.created_at >= ${filter.start.toISOString()} AND p.created_at <= ${filter.end.toISOString()}
       ${filter.serviceCodes.length > 0 ? sql`AND t.category = ${anyOf(filter.serviceCodes, 'text')}` : empty}
       ${filter.statuses.length > 0 ? sql`AND ${openOrClosed} = ${anyOf(filter.statuses, 'text')}` : empty}
     ORDER BY p.created_at DESC, p.ticket_id DESC LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
  );
}

/** The public requests among these ids; a private ticket's number is answered exactly like one that does not exist. */
/** The request a token names: its ticket filed through Open311 (none for a ticket published any other way). */
export function tokenRequests(db: Queryable, token: string): Promise<{ official_no: string }[]> {
  return db.query<{ official_no: string }>(
    sql`SELECT t.official_no FROM open311_public p JOIN tickets t ON t.id = p.ticket_id
        WHERE p.ticket_id = ${token} AND p.source = 'open311'`,
  );
}

export function publicRequestsById(db: Queryable, ids: readonly string[]): Promise<PublicRow[]> {
  return db.query<PublicRow>(
    sql`SELECT ${columns} FROM open311_public p JOIN tickets t ON t.id = p.ticket_id WHERE t.official_no = ${anyOf(ids, 'text')}
        ORDER BY p.created_at DESC, p.ticket_id DESC`,
  );
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

const resolutions: Record<string, string> = {
  direct_answer: '已答复 Answered',
  resolved: '已解决 Resolved',
  withdrawn: '已撤回 Withdrawn',
  merged: '已合并 Merged with another request',
};

/**
 * Times with their zone offset, in the centre's time zone, as the spec asks (2026-11-29T17:30:00+08:00).
 * The zone's formatter is made once and kept: a page of requests needs three times a hundred.
 */
export function zonedClock(timeZone: string): (iso: string) => string {
  return (iso) => {
    const at = Math.floor(Date.parse(iso) / 1000) * 1000;
    const local = wallClock(at, timeZone);
    const offset = Math.round((local - at) / 60_000);
    const sign = offset >= 0 ? '+' : '-';
    const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const mm = String(Math.abs(offset) % 60).padStart(2, '0');
    return `${new Date(local).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
  };
}

/** One time with its zone offset, in the given time zone. */
export const zoned = (iso: string, timeZone: string): string => zonedClock(timeZone)(iso);

/** The reference items these tickets name (and every SLA policy and calendar day): a page needs a few dozen, not all thousand. */
async function referenceFor(db: Queryable, tickets: readonly Ticket[]) {
  const codes = (pick: (t: Ticket) => string | null | undefined) => [...new Set(tickets.map(pick).filter((c): c is string => Boolean(c)))];
  const rows = await db.query<{ kind: string; code: string; body: unknown }>(
    sql`SELECT kind, code, body FROM reference_items
     WHERE NOT deleted AND (kind = 'slaPolicy' OR kind = 'calendarDay'
       OR (kind = 'category' AND code = ${anyOf(
         codes((t) => t.fields.category),
         'text',
       )})
       OR (kind = 'unit' AND code = ${anyOf(
         codes((t) => t.leadUnitCode),
         'text',
       )})
       OR (kind = 'district' AND code = ${anyOf(
         codes((t) => t.fields.districtCode),
         'text',
       )})
       OR (kind = 'street' AND code = ${anyOf(
         codes((t) => t.fields.streetCode),
         'text',
       )}))`,
  );
  return lookupOf(rows);
}

const named = (body: { zh: string; en: string } | undefined) => (body ? `${body.zh} ${body.en}` : '');

/**
 * Public rows as Open311 requests. Text comes only from the public row: what an Open311 submitter
 * posted, or a published ticket's summary with its district and street. The ticket gives the
 * status, the routed unit and the deadline; never its caller, phone, address, description or the
 * unit's feedback, which are written for the hotline and not for the public.
 */
export async function toServiceRequests(
  db: Queryable,
  rows: readonly PublicRow[],
  timeZone: string,
): Promise<{ ticketIds: string[]; requests: ServiceRequest[] }> {
  const tickets = rows.map((r) => ticketSchema.parse(r.state));
  const body = await referenceFor(db, tickets);
  const at = zonedClock(timeZone);
  const now = new Date();
  const requests = rows.map((row, i): ServiceRequest => {
    const t = tickets[i]!;
    const policy = slaPolicyFrom(t, body, timeZone);
    const clock = policy ? slaClock(t, policy, now) : null;
    const area = [
      t.fields.districtCode && body('district', t.fields.districtCode),
      t.fields.streetCode && body('street', t.fields.streetCode),
    ]
      .filter((b) => b !== undefined && b !== null && b !== '')
      .map((b) => b.zh)
      .join('');
    return {
      service_request_id: t.officialNo ?? t.provisionalNo,
      status: t.status === 'closed' ? 'closed' : 'open',
      status_notes: [statusNotes[t.status], t.resolution ? resolutions[t.resolution] : ''].filter(Boolean).join(' '),
      service_name: named(t.fields.category ? body('category', t.fields.category) : undefined),
      service_code: t.fields.category ?? '',
      description: row.description,
      agency_responsible: named(t.leadUnitCode ? body('unit', t.leadUnitCode) : undefined),
      service_notice: '',
      requested_datetime: at(t.createdAt),
      updated_datetime: at(t.updatedAt),
      expected_datetime: clock ? at(clock.dueAt) : null,
      address: row.source === 'published' ? area || null : row.address,
      address_id: row.source === 'published' ? null : row.address_id,
      zipcode: null,
      lat: row.source === 'published' ? null : row.lat,
      long: row.source === 'published' ? null : row.long,
      media_url: row.source === 'published' ? null : row.media_url,
    };
  });
  return { ticketIds: tickets.map((t) => t.id), requests };
}
