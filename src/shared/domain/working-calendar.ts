import type { ReferenceLookup } from './reference';

/**
 * The centre's working calendar: which local dates are working days, and when a limit of N working
 * days runs out. A date is a working day Monday to Friday unless a calendarDay item says otherwise:
 * a public holiday on a weekday (workday false) or a make-up working day on a weekend (调休,
 * workday true). Dates are the centre's, in its time zone, whatever zone the machine runs in.
 *
 * A limit of N working days started at an instant runs out at the end (24:00 local) of the Nth
 * working day after the local date of the start: the start day itself never counts, as in the
 * Chinese rule that a period's first day is not counted, so a ticket dispatched at 09:00 and one
 * dispatched at 23:00 the same day have the same deadline. A start on a non-working day therefore
 * counts from the next working day. 24:00 is the first instant of the following local date, so
 * the deadline is right across daylight-saving changes too.
 */
/** The centre's zone unless configured otherwise: the calendar seeded is China's. */
export const defaultTimeZone = 'Asia/Shanghai';

export interface WorkingCalendar {
  /** An IANA zone name: the centre's (the server's TIMEZONE). */
  timeZone: string;
  /** The calendarDay item of a date (YYYY-MM-DD), if the centre has one. */
  day: (date: string) => { workday: boolean } | undefined;
}

/** Whether this runtime knows a time zone of that name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar from the centre's calendarDay items. */
export const workingCalendar = (timeZone: string, body: ReferenceLookup<'calendarDay'>): WorkingCalendar => ({
  timeZone,
  day: (date) => body('calendarDay', date),
});

const dayMs = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a YYYY-MM-DD date: only for counting days, never as the centre's instant. */
function utcDay(date: string): number {
  const m = datePattern.exec(date);
  if (!m) throw new Error(`"${date}" is not a date written YYYY-MM-DD.`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const dateOfUtcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The date `days` after `date` (negative: before). */
export const addDays = (date: string, days: number): string => dateOfUtcDay(utcDay(date) + days * dayMs);

/** Whether a date is a working day: Monday to Friday unless the calendar says otherwise. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const listed = calendar.day(date);
  if (listed) return listed.workday;
  const weekday = new Date(utcDay(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, read back as if it were UTC (epoch ms, whole seconds). */
export function wallClock(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export const localDateOf = (instant: string | number, timeZone: string): string =>
  dateOfUtcDay(wallClock(typeof instant === 'number' ? instant : Date.parse(instant), timeZone));

/**
 * The first instant of a local date in a zone. Where midnight does not exist (a zone that moves its
 * clocks at 00:00), the day starts at the change; where it comes twice, at the first.
 */
export function startOfLocalDate(date: string, timeZone: string): number {
  const wall = utcDay(date);
  // The zone's offset on either side of the date: one of them is the one in force at its start.
  const offsets = new Set([wallClock(wall - dayMs, timeZone) - (wall - dayMs), wallClock(wall + dayMs, timeZone) - (wall + dayMs)]);
  const starts = [...offsets].map((offset) => wall - offset).filter((t) => localDateOf(t, timeZone) === date);
  if (starts.length > 0) return Math.min(...starts);
  // Midnight skipped: the day starts where the later offset takes over.
  return Math.max(...[...offsets].map((offset) => wall - offset));
}

// A calendar with no working day in ten years is a data error; stop counting rather than spin.
const searchLimitDays = 3660;

/** The Nth working day after a date (N ≥ 1). */
export function nthWorkingDayAfter(date: string, n: number, calendar: WorkingCalendar): string {
  let day = date;
  let counted = 0;
  for (let step = 0; counted < n && step < n + searchLimitDays; step++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return day;
}

/** When a limit of `days` working days started at `startedAt` runs out (epoch ms): see the module comment. */
export function workingDaysDeadline(startedAt: string | number, days: number, calendar: WorkingCalendar): number {
  const last = nthWorkingDayAfter(localDateOf(startedAt, calendar.timeZone), days, calendar);
  return startOfLocalDate(addDays(last, 1), calendar.timeZone);
}
