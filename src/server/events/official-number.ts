import type { Queryable } from '../db/database';

/** YYYYMMDD of `at` in the centre's time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}${part('month')}${part('day')}`;
}

/** The next official number of the day, e.g. 2026112900123: date, then a daily sequence of 5+ digits. */
export async function nextOfficialNumber(db: Queryable, at: Date, timeZone: string): Promise<string> {
  const day = localDate(at, timeZone);
  const [row] = await db.query<{ value: number }>(
    `INSERT INTO counters (name, value) VALUES ($1, 1)
     ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value`,
    [`ticket_no:${day}`],
  );
  return `${day}${String(row!.value).padStart(5, '0')}`;
}
