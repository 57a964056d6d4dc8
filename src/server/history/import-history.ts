import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseCsv } from '../../shared/csv';
import { phoneKey } from '../../shared/domain/phone';
import { refusalMessage } from '../../shared/domain/refusal';
import type { TicketEvent } from '../../shared/domain/ticket';
import { requestTypes } from '../../shared/domain/ticket';
import { wireDateTime } from '../../shared/domain/wire-time';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { type EventDraft, pushEvents } from '../events/push';

/**
 * `npm run import -- file.csv`: a centre's historical tickets, so the classifier trains on its own
 * history and caller history reaches back. Columns (header row, UTF-8, RFC 4180):
 *   text      what the caller reported (required)
 *   category  a category code of the catalogue, e.g. heating.temperature (required)
 *   created   when it was registered, ISO 8601 with zone, e.g. 2025-12-01T09:30:00+08:00 (required)
 *   district  6-digit division code; street 9-digit division code; unit  handling unit code
 *   phone, request_type, title  optional
 * Every row is checked before anything is written; one bad row refuses the whole file.
 * Ids are derived from the row, so importing the same file twice adds nothing the second time.
 */
const rowSchema = z.object({
  text: z.string().trim().min(1, 'text is empty').max(4000),
  category: z.string().trim().min(1, 'category is empty'),
  created: wireDateTime({ offset: true, message: 'created must be ISO 8601 with a zone, e.g. 2025-12-01T09:30:00+08:00' }, 'created'),
  district: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, 'district must be a 6-digit code')
    .optional(),
  street: z
    .string()
    .trim()
    .regex(/^(\d{9})?$/, 'street must be a 9-digit code')
    .optional(),
  unit: z
    .string()
    .trim()
    .regex(/^([a-z]+:[0-9A-Za-z_-]{1,40})?$/, 'unit must be a unit code like street:110105017')
    .optional(),
  phone: z.string().trim().max(32).optional(),
  request_type: z.enum(['', ...requestTypes]).optional(),
  title: z.string().trim().max(200).optional(),
});

/** A UUIDv7 whose time is the row's and whose other bits come from its content: stable across runs. */
function stableV7(at: Date, ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const ms = at.getTime().toString(16).padStart(12, '0');
  const variant = ((parseInt(hash[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hash.slice(0, 3)}-${variant}${hash.slice(4, 7)}-${hash.slice(7, 19)}`;
}

export interface ImportResult {
  rows: number;
  imported: number;
  alreadyThere: number;
}

export async function importHistory(db: Database, csv: string, timeZone: string): Promise<ImportResult> {
  const { rows } = parseCsv(csv);
  const [known] = await db.query<{ categories: string[]; units: string[] }>(
    sql`SELECT array_agg(code) FILTER (WHERE kind = 'category') AS categories, array_agg(code) FILTER (WHERE kind = 'unit') AS units
        FROM reference_items WHERE NOT deleted`,
  );
  const categories = new Set(known!.categories ?? []);
  const units = new Set(known!.units ?? []);
  const problems: string[] = [];
  const valid = rows.flatMap((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    const line = i + 2;
    if (!parsed.success) {
      problems.push(`line ${line}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      return [];
    }
    const r = parsed.data;
    if (!categories.has(r.category)) problems.push(`line ${line}: unknown category "${r.category}"`);
    if (r.unit && !units.has(r.unit)) problems.push(`line ${line}: unknown unit "${r.unit}"`);
    if (r.street && r.district && !r.street.startsWith(r.district))
      problems.push(`line ${line}: street ${r.street} is not in district ${r.district}`);
    if (r.phone && !phoneKey(r.phone)) problems.push(`line ${line}: "${r.phone}" is not a phone number`);
    return [{ ...r, line }];
  });
  if (problems.length > 0) {
    throw new Error(
      `Nothing was imported; fix these rows first:\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`,
    );
  }

  const events: EventDraft[] = [];
  for (const r of valid) {
    const at = new Date(r.created);
    const key = [r.text, r.category, r.created, r.phone ?? ''];
    const ticketId = stableV7(at, 'ticket', ...key);
    const base = { ticketId, actor: 'import', origin: 'import' };
    const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();
    const event = (n: number, type: TicketEvent['type'], minutes: number, payload: Record<string, unknown>): EventDraft => ({
      ...base,
      id: stableV7(new Date(later(minutes)), 'event', String(n), ...key),
      type,
      at: later(minutes),
      payload,
    });
    const district = r.district || (r.street ? r.street.slice(0, 6) : undefined);
    events.push(
      event(0, 'created', 0, {
        // Stable per row, and far apart enough that files never collide (16 digits from the hash).
        provisionalNo: `HST2-${(BigInt(`0x${ticketId.replace(/-/g, '').slice(12, 28)}`) % 10n ** 16n).toString().padStart(16, '0')}`,
        fields: {
          requestType: r.request_type || 'complaint',
          category: r.category,
          urgency: 'normal',
          description: r.title ? `${r.title}。${r.text}` : r.text,
          channel: 'phone',
          ...(r.phone ? { callerPhone: r.phone } : {}),
          ...(district ? { districtCode: district } : {}),
          ...(r.street ? { streetCode: r.street } : {}),
        },
      }),
    );
    // History is finished work: dispatched, handled and called back, or answered on the call.
    if (r.unit) {
      events.push(
        event(1, 'dispatched', 30, { unitCodes: [r.unit], leadUnitCode: r.unit }),
        { ...event(2, 'unit_accepted', 90, { unitCode: r.unit }), actor: `unit:${r.unit}` },
        { ...event(3, 'unit_feedback', 1440, { unitCode: r.unit, summary: '（历史数据导入）' }), actor: `unit:${r.unit}` },
        event(4, 'callback_recorded', 2880, { satisfaction: 'satisfied' }),
      );
    } else {
      events.push(event(1, 'closed', 10, { resolution: 'direct_answer' }));
    }
  }
  let imported = 0;
  let alreadyThere = 0;
  const acceptedAt = (e: TicketEvent) => new Date(e.at);
  // One ticket's events stay in one batch, so each is whole or absent.
  for (let i = 0; i < events.length;) {
    let end = Math.min(events.length, i + 200);
    while (end < events.length && events[end]!.ticketId === events[end - 1]!.ticketId) end++;
    const { results } = await pushEvents(db, events.slice(i, end), { user: 'system', timeZone, acceptedAt });
    const rejected = results.find((r) => r.status === 'rejected');
    if (rejected) throw new Error(`import stopped: ${rejected.status === 'rejected' ? refusalMessage(rejected.refusal) : ''}`);
    imported += results.filter((r, k) => r.status === 'accepted' && events[i + k]?.type === 'created').length;
    alreadyThere += results.filter((r, k) => r.status === 'duplicate' && events[i + k]?.type === 'created').length;
    i = end;
  }
  return { rows: rows.length, imported, alreadyThere };
}
