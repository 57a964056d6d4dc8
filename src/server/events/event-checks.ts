import { findUnsafeString } from '../../shared/domain/plain-text';
import type { Refusal } from '../../shared/domain/refusal';
import type { TicketEvent, TicketFields } from '../../shared/domain/ticket';
import { eventTimeProblem } from '../../shared/domain/wire-time';
import type { Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';

/**
 * Checks of one event's content that the schema cannot make alone: each answers why the event is
 * refused, or null, so a bad event is rejected with its refusal and the rest of its batch goes on.
 */

/** Any string anywhere in the event that plain text may not hold (a field the schema lets through). */
export function unsafeText(event: TicketEvent): Refusal | null {
  const found = findUnsafeString(event);
  if (!found) return null;
  const { codePoint, index, kind } = found.character;
  return { code: 'unsafe_text', params: { path: found.path, codePoint, position: index + 1, kind } };
}

/** The event's time against the server's clock (see `eventClockBounds`). */
export const clockProblem = (event: TicketEvent, now: Date): Refusal | null => eventTimeProblem(event.at, now);

type ReferenceKind = 'unit' | 'category' | 'district' | 'street';

/** The reference codes an event names: units it dispatches to, the category and place it files. */
function referencesOf(event: TicketEvent): [ReferenceKind, string][] {
  const place = (fields: Partial<TicketFields>): [ReferenceKind, string][] => {
    const named: [ReferenceKind, string | undefined][] = [
      ['category', fields.category],
      ['district', fields.districtCode],
      ['street', fields.streetCode],
    ];
    return named.flatMap(([kind, code]) => (code ? [[kind, code]] : []));
  };
  if (event.type === 'created') return place(event.payload.fields);
  if (event.type === 'updated') return place(event.payload.changes);
  if (event.type === 'dispatched') return event.payload.unitCodes.map((code) => ['unit', code]);
  return [];
}

/** Which of the codes the events name are current reference items: one query for a batch. */
export async function knownReferences(db: Queryable, events: readonly TicketEvent[]): Promise<Set<string>> {
  const wanted = events.flatMap(referencesOf);
  if (wanted.length === 0) return new Set();
  const rows = await db.query<{ kind: string; code: string }>(
    sql`SELECT kind, code FROM reference_items WHERE NOT deleted
        AND kind = ${anyOf([...new Set(wanted.map(([kind]) => kind))], 'text')}
        AND code = ${anyOf([...new Set(wanted.map(([, code]) => code))], 'text')}`,
  );
  return new Set(rows.map((r) => `${r.kind}/${r.code}`));
}

/** The first unit, category, district or street the event names that reference data does not hold. */
export function unknownReference(event: TicketEvent, known: ReadonlySet<string>): Refusal | null {
  const missing = referencesOf(event).find(([kind, code]) => !known.has(`${kind}/${code}`));
  if (!missing) return null;
  const [kind, code] = missing;
  return { code: `unknown_${kind}`, params: { code } };
}
