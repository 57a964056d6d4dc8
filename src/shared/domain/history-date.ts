/**
 * Dates as other centres export them, read into an instant. Accepted forms:
 *   2018-04-12T11:11:26-04:00, 2018-04-12T11:11:26.5Z   ISO 8601 with a zone: the zone written wins
 *   2018-04-12 11:11:26, 2018-04-12T11:11, 2018-04-12   no zone: wall-clock time in `timeZone`
 *   04/12/2018 11:11:26 AM, 04/12/2018 23:11, 04/12/2018 US month/day/year, 12- or 24-hour, in `timeZone`
 * A wall-clock time that happens twice (the hour after summer time ends) is the earlier one; one
 * that never happens (the hour skipped when it starts) is read with the offset before the change,
 * so 02:30 on a spring-forward night is 03:30 summer time — what a clerk who forgot to move the
 * clock meant, and how JavaScript's Temporal resolves it.
 */

export type HistoryDate = { ok: true; iso: string } | { ok: false; reason: string };

const formats =
  'ISO 8601 (2018-04-12T11:11:26-04:00, or 2018-04-12 11:11:26 in the import time zone) or US month/day/year (04/12/2018 11:11:26 AM)';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const usPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:\s*([AP])\.?M\.?)?)?$/i;

/** Years an imported ticket may carry: the wire window's (1970 to 2099). */
const firstYear = 1970;
const lastYear = 2099;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function fieldProblem(w: WallClock): string | null {
  if (w.year < firstYear || w.year > lastYear) return `the year ${w.year} is outside ${firstYear}–${lastYear}`;
  if (w.month < 1 || w.month > 12) return `there is no month ${w.month}`;
  if (w.day < 1 || w.day > daysIn(w.year, w.month)) return `${w.year}-${String(w.month).padStart(2, '0')} has no day ${w.day}`;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return 'the time of day is not between 00:00:00 and 23:59:59';
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
function offsetAt(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

// Zones change offset on whole quarter hours of local time, and at most once in a day or two: a
// local day whose offset is the same well before and well after it has that offset throughout,
// and one answer serves the whole day; a day with a change is worked out per quarter hour.
const day = 86_400_000;
const quarter = 15 * 60_000;
const offsetCache = new Map<string, number>();

function cached(key: string, work: () => number): number {
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = work();
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** The offset a wall-clock time in this quarter hour is read with (see the file's comment for DST edges). */
function quarterOffset(start: number, timeZone: string): number {
  const before = offsetAt(start - day, timeZone);
  const after = offsetAt(start + day, timeZone);
  const fits = [before, after].filter((o) => offsetAt(start - o, timeZone) === o);
  // Two fit: the earlier instant (the larger offset). None fits: the gap, read with the offset before it.
  return fits.length === 0 ? before : Math.max(...fits);
}

/** The instant a wall-clock time in `timeZone` names. */
function zonedToUtc(localMs: number, timeZone: string): number {
  const dayStart = Math.floor(localMs / day) * day;
  // NaN for a day with a change: no offset is NaN, so that day goes on to its quarter hours.
  const whole = cached(`${timeZone}|d${dayStart}`, () => {
    const early = offsetAt(dayStart - 15 * 3_600_000, timeZone);
    return early === offsetAt(dayStart + day + 15 * 3_600_000, timeZone) ? early : Number.NaN;
  });
  if (!Number.isNaN(whole)) return localMs - whole;
  const start = Math.floor(localMs / quarter) * quarter;
  return localMs - cached(`${timeZone}|q${start}`, () => quarterOffset(start, timeZone));
}

function wallClock(m: RegExpMatchArray, order: 'iso' | 'us'): WallClock | string {
  const [year, month, day] = order === 'iso' ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
  let hour = Number(m[4] ?? 0);
  const meridiem = order === 'us' ? m[8]?.toUpperCase() : undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return `the hour ${hour} is not between 1 and 12 (it has AM/PM)`;
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  }
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000),
  };
}

function zoneOffsetMs(zone: string): number | string {
  if (zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 18 || minutes > 59) return `the offset ${zone} is not one a time zone has`;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** An exported date read as an instant in UTC (`…Z`), or why it cannot be. */
export function parseHistoryDate(text: string, timeZone: string): HistoryDate {
  const value = text.trim();
  if (value === '') return { ok: false, reason: `is empty; write a date such as ${formats}` };
  const iso = isoPattern.exec(value);
  const us = iso ? null : usPattern.exec(value);
  const match = iso ?? us;
  if (!match) return { ok: false, reason: `"${value}" is not a date this import reads; write ${formats}` };
  const clock = wallClock(match, iso ? 'iso' : 'us');
  const problem = typeof clock === 'string' ? clock : fieldProblem(clock);
  if (problem !== null || typeof clock === 'string') return { ok: false, reason: `"${value}": ${problem}` };
  const local = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.ms);
  const zone = iso?.[8];
  let ms: number;
  if (zone) {
    const offset = zoneOffsetMs(zone);
    if (typeof offset === 'string') return { ok: false, reason: `"${value}": ${offset}` };
    ms = local - offset;
  } else {
    if (!isTimeZone(timeZone)) return { ok: false, reason: `the time zone "${timeZone}" is not one such as America/New_York` };
    ms = zonedToUtc(local, timeZone);
  }
  const at = new Date(ms);
  const year = at.getUTCFullYear();
  if (year < firstYear || year > lastYear) return { ok: false, reason: `"${value}" is outside ${firstYear}–${lastYear} in UTC` };
  return { ok: true, iso: at.toISOString() };
}
