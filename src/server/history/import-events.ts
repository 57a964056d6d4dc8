import { createHash } from 'node:crypto';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { EventDraft } from '../events/push';
import type { ImportRow } from './import-rows';

/** A UUIDv7 whose time is the row's and whose other bits come from its content: stable across runs. */
function stableV7(at: Date, ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const ms = at.getTime().toString(16).padStart(12, '0');
  const variant = ((parseInt(hash[3]!, 16) & 0x3) | 0x8).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hash.slice(0, 3)}-${variant}${hash.slice(4, 7)}-${hash.slice(7, 19)}`;
}

const minute = 60_000;

/**
 * When each step of a finished ticket happened, in ms after it was created. Without a closing time:
 * dispatched after 30 minutes, accepted after 90, feedback after a day, callback after two (or a
 * direct answer closed after 10 minutes). With one, the steps fit between the two times and the
 * ticket closes when the file says.
 */
function steps(row: ImportRow) {
  if (!row.closed)
    return { dispatched: 30 * minute, accepted: 90 * minute, feedback: 1440 * minute, callback: 2880 * minute, answered: 10 * minute };
  const span = Date.parse(row.closed) - Date.parse(row.created);
  const accepted = Math.min(90 * minute, span * 0.2);
  return {
    dispatched: Math.min(30 * minute, span * 0.1),
    accepted,
    feedback: Math.max(accepted, span - Math.min(60 * minute, span * 0.1)),
    callback: span,
    answered: span,
  };
}

const keyOf = (row: ImportRow) => (row.key !== undefined ? ['key', row.key] : [row.text, row.category, row.createdText, row.phone ?? '']);

/** The id of the ticket a row makes (the one ticketEvents gives it). */
export const ticketIdOf = (row: ImportRow) => stableV7(new Date(row.created), 'ticket', ...keyOf(row));

/**
 * The events of one imported ticket: created, then dispatched to its unit, accepted, reported back
 * and called back; or, without a unit, answered on the call. Ids are derived from the row — its
 * `key` when the file has one, else its text, category, created cell and phone — so importing the
 * same file twice adds nothing the second time.
 */
export function ticketEvents(row: ImportRow): EventDraft[] {
  const at = new Date(row.created);
  const key = keyOf(row);
  const ticketId = stableV7(at, 'ticket', ...key);
  const base = { ticketId, actor: 'import', origin: 'import' };
  const when = steps(row);
  const event = (n: number, type: TicketEvent['type'], afterMs: number, payload: Record<string, unknown>): EventDraft => {
    const time = new Date(at.getTime() + afterMs);
    return { ...base, id: stableV7(time, 'event', String(n), ...key), type, at: time.toISOString(), payload };
  };
  const joiner = /\p{Script=Han}/u.test(row.text) ? '。' : '. ';
  const events: EventDraft[] = [
    event(0, 'created', 0, {
      // Stable per row, and far apart enough that files never collide (16 digits from the hash).
      provisionalNo: `HST2-${(BigInt(`0x${ticketId.replace(/-/g, '').slice(12, 28)}`) % 10n ** 16n).toString().padStart(16, '0')}`,
      fields: {
        requestType: row.requestType,
        category: row.category,
        urgency: 'normal',
        description: row.title ? `${row.title}${joiner}${row.text}` : row.text,
        channel: 'phone',
        ...(row.phone ? { callerPhone: row.phone } : {}),
        ...(row.district ? { districtCode: row.district } : {}),
        ...(row.street ? { streetCode: row.street } : {}),
        ...(row.address ? { addressDetail: row.address } : {}),
        ...(row.latitude !== undefined ? { latitude: row.latitude, longitude: row.longitude } : {}),
      },
    }),
  ];
  // History is finished work: dispatched, handled and called back, or answered on the call.
  const unit = row.unit;
  if (unit) {
    events.push(
      event(1, 'dispatched', when.dispatched, { unitCodes: [unit], leadUnitCode: unit }),
      { ...event(2, 'unit_accepted', when.accepted, { unitCode: unit }), actor: `unit:${unit}` },
      { ...event(3, 'unit_feedback', when.feedback, { unitCode: unit, summary: '（历史数据导入）' }), actor: `unit:${unit}` },
      event(4, 'callback_recorded', when.callback, { satisfaction: 'satisfied' }),
    );
  } else {
    events.push(event(1, 'closed', when.answered, { resolution: 'direct_answer' }));
  }
  return events;
}
