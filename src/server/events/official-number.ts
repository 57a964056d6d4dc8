import type { Queryable } from '../db/database';
import { sql } from '../db/sql';

// Making a formatter costs far more than using one; a history import numbers 100,000 tickets.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYYMMDD of `at` in the centre's time zone. */
export function localDate(at: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format)
    formatters.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}${part('month')}${part('day')}`;
}

/**
 * Official numbers for tickets accepted at the given times, in the same order: the date, then a
 * daily sequence of 5+ digits (2026112900123). One statement per day in the batch; called only for
 * tickets already accepted, so the daily sequence has no gaps.
 */
export async function allocateOfficialNumbers(db: Queryable, times: readonly Date[], timeZone: string): Promise<string[]> {
  const days = times.map((at) => localDate(at, timeZone));
  const next = new Map<string, number>();
  for (const day of new Set(days)) {
    const count = days.filter((d) => d === day).length;
    const [row] = await db.query<{ value: number }>(
      sql`INSERT INTO counters (name, value) VALUES (${`ticket_no:${day}`}, ${count})
       ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value RETURNING value`,
    );
    next.set(day, row!.value - count + 1);
  }
  return days.map((day) => {
    const value = next.get(day)!;
    next.set(day, value + 1);
    return `${day}${String(value).padStart(5, '0')}`;
  });
}
