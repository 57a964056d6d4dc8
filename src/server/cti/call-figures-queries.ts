import { addTallies, emptyTally, figuresOf } from '../../shared/domain/call-figures';
import type { CallFiguresResponse, CallTally } from '../../shared/server-api/call-figures';
import type { Queryable } from '../db/database';
import { constant, sql } from '../db/sql';
import { centreDay, usualByHour, usualWeeks } from '../monitor/usual-by-hour';

interface TallyRow {
  queue: string | null;
  hour: number;
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  answered_in_threshold: number;
  waiting_over_threshold: number;
  answer_wait_seconds: number;
  handled: number;
  handle_seconds: number;
}

const toTally = (r: TallyRow): CallTally => ({
  offered: r.offered,
  answered: r.answered,
  abandoned: r.abandoned,
  shortAbandoned: r.short_abandoned,
  answeredInThreshold: r.answered_in_threshold,
  waitingOverThreshold: r.waiting_over_threshold,
  answerWaitSeconds: r.answer_wait_seconds,
  handled: r.handled,
  handleSeconds: r.handle_seconds,
});

/** Seconds between two instants at the millisecond, as the shared definition reads them from the wire. */
type Instant = 'started_at' | 'answered_at' | 'ended_at';
const secondsBetween = (from: Instant, to: Instant) =>
  sql`extract(epoch FROM date_trunc('milliseconds', ${constant(to)}) - date_trunc('milliseconds', ${constant(from)}))::float8`;

/**
 * Today's inbound calls tallied per queue and hour of arrival in SQL (a centre takes 70,000 calls a
 * day: the rows stay in the database), each call classified exactly as `tallyOf` in
 * shared/domain/call-figures.ts does — tests/server/call-figures.test.ts holds the two together.
 */
export async function callFiguresToday(
  db: Queryable,
  options: { timeZone: string; thresholdSeconds: number },
): Promise<CallFiguresResponse> {
  const { timeZone, thresholdSeconds } = options;
  const day = await centreDay(db, timeZone);
  const rows = await db.query<TallyRow>(
    sql`SELECT queue, hour,
       count(*)::int AS offered,
       count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
       count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NOT NULL)::int AS abandoned,
       count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NOT NULL AND lasted <= ${thresholdSeconds})::int AS short_abandoned,
       count(*) FILTER (WHERE answered_at IS NOT NULL AND greatest(wait, 0) <= ${thresholdSeconds})::int AS answered_in_threshold,
       count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NULL AND ringing_for > ${thresholdSeconds})::int AS waiting_over_threshold,
       coalesce(sum(greatest(wait, 0)) FILTER (WHERE answered_at IS NOT NULL), 0)::float8 AS answer_wait_seconds,
       count(*) FILTER (WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL)::int AS handled,
       coalesce(sum(greatest(talk, 0)) FILTER (WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL), 0)::float8 AS handle_seconds
     FROM (
       SELECT queue, answered_at, ended_at,
         extract(hour FROM started_at AT TIME ZONE ${timeZone})::int AS hour,
         ${secondsBetween('started_at', 'answered_at')} AS wait,
         ${secondsBetween('answered_at', 'ended_at')} AS talk,
         ${secondsBetween('started_at', 'ended_at')} AS lasted,
         extract(epoch FROM ${day.now}::timestamptz - date_trunc('milliseconds', started_at))::float8 AS ringing_for
       FROM calls WHERE direction = 'in' AND started_at >= ${day.start} AND started_at < ${day.end}
     ) c
     GROUP BY queue, hour`,
  );
  const usual = await usualByHour(db, sql`calls`, sql`started_at`, timeZone);
  const byQueue = new Map<string | null, CallTally>();
  const byHour = Array.from({ length: 24 }, emptyTally);
  let total = emptyTally();
  for (const row of rows) {
    const tally = toTally(row);
    byQueue.set(row.queue, addTallies(byQueue.get(row.queue) ?? emptyTally(), tally));
    byHour[row.hour] = addTallies(byHour[row.hour]!, tally);
    total = addTallies(total, tally);
  }
  return {
    at: day.now.toISOString(),
    day: day.day,
    thresholdSeconds,
    total: figuresOf(total),
    byQueue: [...byQueue.entries()]
      .map(([queue, tally]) => ({ queue, ...figuresOf(tally) }))
      .sort((a, b) => b.offered - a.offered || (a.queue ?? '').localeCompare(b.queue ?? '')),
    byHour: byHour.map((tally, hour) => ({ hour, usual: usual[hour]!, ...figuresOf(tally) })),
    usualWeeks,
  };
}
