import { z } from 'zod';
import type { Refusal } from './refusal';

/**
 * Every instant on the wire (query periods, cursors in time, event times) lies in
 * [1970-01-01, 2100-01-01) UTC. Wider than any real record (the Unix epoch is a natural "from the
 * beginning", imported history is decades old at most), and far inside what PostgreSQL, SQLite
 * and `Date` all handle: year 0000 does not exist for PostgreSQL, and near 9999 a time-zone shift
 * or "plus one day" leaves the four-digit years that ISO 8601 text and our schemas expect.
 */
export const wireTimeWindow = { from: '1970-01-01T00:00:00.000Z', until: '2100-01-01T00:00:00.000Z' } as const;
const fromMs = Date.parse(wireTimeWindow.from);
const untilMs = Date.parse(wireTimeWindow.until);
const outsideWindow = `must be between ${wireTimeWindow.from.slice(0, 10)} and ${wireTimeWindow.until.slice(0, 10)}`;

/** An ISO 8601 date-time inside the wire window; the options are `z.iso.datetime`'s, `name` starts the window's message. */
export function wireDateTime(options: { offset?: boolean; precision?: number; message?: string } = {}, name?: string) {
  return z.iso.datetime(options).refine(
    (text) => {
      const ms = Date.parse(text);
      // Text that is no date at all has its own issue from the format check; one reason is enough.
      return Number.isNaN(ms) || (ms >= fromMs && ms < untilMs);
    },
    name ? `${name} ${outsideWindow}` : outsideWindow,
  );
}

/**
 * How far an event's time, stamped by the workstation's clock, may be from the server's clock when
 * a person's workstation pushes it (the server's own replays — demo seed, history import — are
 * exempt). Behind: a workstation works offline and drains its outbox later, after a weekend, a
 * long outage or weeks in a cupboard, so a year is allowed; anything older is a clock that reset
 * (1970, a BIOS default) and would file the ticket in the wrong year. Ahead: PCs kept by NTP or a
 * domain controller differ by seconds; five minutes is the skew Kerberos tolerates. A later time
 * would start deadlines in the future and sort the event before ones that really came after it.
 */
export const eventClockBounds = { maxBehindMs: 366 * 24 * 3600_000, maxAheadMs: 5 * 60_000 } as const;

/** Why an event stamped `at` cannot be taken when the server's clock says `now`, or null. */
export function eventTimeProblem(at: string, now: Date): Refusal | null {
  const offset = Date.parse(at) - now.getTime();
  const serverTime = now.toISOString();
  if (offset > eventClockBounds.maxAheadMs) return { code: 'time_ahead', params: { at, serverTime, minutes: Math.round(offset / 60_000) } };
  if (-offset > eventClockBounds.maxBehindMs) return { code: 'time_too_old', params: { at, serverTime } };
  return null;
}
