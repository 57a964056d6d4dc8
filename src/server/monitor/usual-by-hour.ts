import type { Queryable } from '../db/database';
import { sql, type SqlFragment } from '../db/sql';

/** The same weekdays a day's hours are compared with: the four before it, one week apart. */
export const usualWeeks = 4;

export interface CentreDay {
  /** Midnight starting and ending today in the centre's time zone, as instants. */
  start: Date;
  end: Date;
  /** Today's date there, YYYY-MM-DD. */
  day: string;
  /** The database's clock, which stamps the calls and events being counted. */
  now: Date;
}

export async function centreDay(db: Queryable, timeZone: string): Promise<CentreDay> {
  const [row] = await db.query<{ start: Date; end: Date; day: string; now: Date }>(
    sql`SELECT date_trunc('day', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone} AS start,
       (date_trunc('day', now() AT TIME ZONE ${timeZone}) + interval '1 day') AT TIME ZONE ${timeZone} AS end,
       to_char(now() AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, now() AS now`,
  );
  return row!;
}

/**
 * How many rows a table usually has in each hour of this weekday: the count per hour (centre time)
 * over the same weekday of each of the `usualWeeks` weeks before, divided by that number of weeks.
 * `table` and `column` are fixed names written in the server's code, never input.
 */
export async function usualByHour(db: Queryable, table: SqlFragment, column: SqlFragment, timeZone: string): Promise<number[]> {
  const localDay = sql`(${column} AT TIME ZONE ${timeZone})::date`;
  const today = sql`(now() AT TIME ZONE ${timeZone})::date`;
  const rows = await db.query<{ hour: number; n: number }>(
    sql`SELECT extract(hour FROM ${column} AT TIME ZONE ${timeZone})::int AS hour, count(*)::int AS n
     FROM ${table}
     WHERE ${column} >= now() - make_interval(days => ${usualWeeks * 7 + 1}::int)
       AND (${today} - ${localDay}) % 7 = 0 AND ${localDay} < ${today}
       AND ${localDay} >= ${today} - ${usualWeeks * 7}::int
     GROUP BY 1`,
  );
  const byHour = new Map(rows.map((r) => [r.hour, r.n]));
  return Array.from({ length: 24 }, (_, hour) => (byHour.get(hour) ?? 0) / usualWeeks);
}
