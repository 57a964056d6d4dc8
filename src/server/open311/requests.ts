import { v7 } from 'uuid';
import { refusalMessage } from '../../shared/domain/refusal';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { Open311Post } from '../../shared/server-api/open311';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { pushEvents } from '../events/push';
import { serviceAttributes } from './catalogue';

/** An error in the spec's shape: `[{ code, description }]` with the HTTP status as the code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500 | 503,
    description: string,
    /** Headers the answer carries, e.g. Retry-After on 429 and 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

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
export async function createRequest(
  db: Database,
  client: string,
  body: Open311Post,
  timeZone: string,
): Promise<{ serviceRequestId: string; ticketId: string }> {
  if (!body.service_code) throw new Open311Error(400, 'service_code is required');
  const [service] = await db.query<{ code: string }>(
    sql`SELECT code FROM reference_items
        WHERE kind = 'category' AND code = ${body.service_code} AND body ->> 'parent' IS NOT NULL AND NOT deleted`,
  );
  if (!service) throw new Open311Error(404, `service_code ${body.service_code} was not found`);
  const hasPoint = body.lat !== undefined && body.long !== undefined;
  if ((body.lat === undefined) !== (body.long === undefined)) throw new Open311Error(400, 'lat and long are given together');
  if (!hasPoint && !body.address_string && !body.address_id)
    throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');

  const attributes = attributesOf(body);
  const notes: string[] = [];
  for (const attribute of serviceAttributes(body.service_code)) {
    const value = attributes[attribute.code];
    if (value === undefined || value === '') {
      if (attribute.required) throw new Open311Error(400, `attribute[${attribute.code}] is required for ${body.service_code}`);
      continue;
    }
    if (attribute.datatype === 'number' && !Number.isFinite(Number(value)))
      throw new Open311Error(400, `attribute[${attribute.code}] must be a number`);
    if (attribute.values && !attribute.values.some((v) => v.key === value))
      throw new Open311Error(400, `attribute[${attribute.code}] must be one of ${attribute.values.map((v) => v.key).join(', ')}`);
    notes.push(`${attribute.description}: ${attribute.values?.find((v) => v.key === value)?.name ?? value}`);
  }
  const description = [body.description || '(no description)', ...notes].join('\n').slice(0, 4000);
  const name = [body.last_name, body.first_name].filter(Boolean).join('');

  const [counter] = await db.query<{ value: number }>(
    sql`UPDATE counters SET value = value + 1 WHERE name = 'open311_seq' RETURNING value`,
  );
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
        ...(body.address_string || body.address_id
          ? { addressDetail: [body.address_string, body.address_id ? `#${body.address_id}` : ''].filter(Boolean).join(' ') }
          : {}),
        ...(hasPoint ? { latitude: body.lat, longitude: body.long } : {}),
        ...(body.media_url ? { mediaUrl: body.media_url } : {}),
      },
    },
  };
  const { results } = await pushEvents(db, [created], { user: 'system', timeZone });
  if (results[0]!.status === 'rejected') throw new Open311Error(400, refusalMessage(results[0]!.refusal));
  const [row] = await db.query<{ official_no: string; created_at: Date }>(
    sql`SELECT official_no, created_at FROM tickets WHERE id = ${ticketId}`,
  );
  // What the submitter posted is public from now on, as the spec expects; their name, phone and
  // e-mail are the hotline's only. Should the server stop before this row is written, the request
  // stays private: never the other way round.
  await db.query(
    sql`INSERT INTO open311_public (ticket_id, source, created_at, description, address, address_id, lat, long, media_url, published_by)
     VALUES (${ticketId}, 'open311', ${row!.created_at}, ${description}, ${body.address_string || null}, ${body.address_id || null},
       ${hasPoint ? body.lat! : null}, ${hasPoint ? body.long! : null}, ${body.media_url || null}, ${`open311:${client}`})`,
  );
  return { serviceRequestId: row!.official_no, ticketId };
}
