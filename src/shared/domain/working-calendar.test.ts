import { describe, expect, it } from 'vitest';
import { referenceIndex, type ReferenceEntry } from './reference';
import {
  addDays,
  isWorkingDay,
  localDateOf,
  nthWorkingDayAfter,
  startOfLocalDate,
  type WorkingCalendar,
  workingCalendar,
  workingDaysDeadline,
} from './working-calendar';

const day = (code: string, workday: boolean): ReferenceEntry => ({
  kind: 'calendarDay',
  code,
  body: { zh: '节假日', en: 'Holiday', workday },
});

// The State Council's arrangement around the 2026 New Year, Spring Festival and National Day.
const china = workingCalendar(
  'Asia/Shanghai',
  referenceIndex([
    day('2025-10-01', false),
    day('2026-01-01', false),
    day('2026-01-02', false),
    day('2026-01-04', true),
    day('2026-02-14', true),
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map((d) => day(d, false)),
    day('2026-02-28', true),
    day('2026-09-20', true),
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => day(d, false)),
    day('2026-10-10', true),
  ]),
);
const plain = (timeZone: string): WorkingCalendar => ({ timeZone, day: () => undefined });
const iso = (ms: number) => new Date(ms).toISOString();

describe('isWorkingDay', () => {
  it('Monday to Friday by default, the weekend off', () => {
    expect(isWorkingDay('2026-03-02', china)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-06', china)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', china)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', china)).toBe(false); // Sunday
  });

  it('a holiday on a weekday is off, a make-up weekend day is worked', () => {
    expect(isWorkingDay('2026-02-16', china)).toBe(false); // Monday of the Spring Festival
    expect(isWorkingDay('2026-02-14', china)).toBe(true); // make-up Saturday before it
    expect(isWorkingDay('2026-01-04', china)).toBe(true); // make-up Sunday after New Year
    expect(isWorkingDay('2026-10-10', china)).toBe(true); // make-up Saturday after National Day
  });

  it('refuses a date that is not written YYYY-MM-DD', () => {
    expect(() => isWorkingDay('2026-2-1', china)).toThrow(/YYYY-MM-DD/);
  });
});

describe('local dates', () => {
  it('are the centre’s, not UTC’s', () => {
    expect(localDateOf('2026-03-05T15:59:59Z', 'Asia/Shanghai')).toBe('2026-03-05');
    expect(localDateOf('2026-03-05T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-06');
    expect(localDateOf('2026-03-06T03:00:00Z', 'America/New_York')).toBe('2026-03-05');
  });

  it('add days across months, years and leap days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('start at local midnight, in a daylight-saving zone too', () => {
    expect(iso(startOfLocalDate('2026-02-14', 'Asia/Shanghai'))).toBe('2026-02-13T16:00:00.000Z');
    expect(iso(startOfLocalDate('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z'); // the day clocks go forward
    expect(iso(startOfLocalDate('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(startOfLocalDate('2026-11-01', 'America/New_York'))).toBe('2026-11-01T04:00:00.000Z'); // the day they go back
    expect(iso(startOfLocalDate('2026-11-02', 'America/New_York'))).toBe('2026-11-02T05:00:00.000Z');
  });

  it('start where the day starts in zones that move their clocks at midnight, every day for two years', () => {
    for (const zone of ['America/Santiago', 'America/Havana', 'Asia/Beirut', 'America/New_York', 'Australia/Lord_Howe']) {
      for (let date = '2025-01-01'; date < '2027-01-01'; date = addDays(date, 1)) {
        const start = startOfLocalDate(date, zone);
        expect(localDateOf(start, zone), `${zone} ${date}`).toBe(date);
        expect(localDateOf(start - 1000, zone), `${zone} ${date}`).toBe(addDays(date, -1));
      }
    }
  });
});

describe('workingDaysDeadline: the end of the Nth working day after the start day', () => {
  it('an ordinary week: 7 working days from a Monday end on the next week’s Wednesday at 24:00', () => {
    expect(iso(workingDaysDeadline('2026-03-02T02:00:00Z', 7, china))).toBe('2026-03-11T16:00:00.000Z');
  });

  it('the start day never counts, whatever the hour', () => {
    const early = workingDaysDeadline('2026-03-02T01:00:00+08:00', 1, china);
    const late = workingDaysDeadline('2026-03-02T23:59:00+08:00', 1, china);
    expect(iso(early)).toBe('2026-03-03T16:00:00.000Z');
    expect(late).toBe(early);
  });

  it('a start on a weekend or holiday counts from the next working day', () => {
    const monday = '2026-03-09T16:00:00.000Z';
    expect(iso(workingDaysDeadline('2026-03-07T10:00:00+08:00', 1, china))).toBe(monday);
    expect(iso(workingDaysDeadline('2026-03-08T10:00:00+08:00', 1, china))).toBe(monday);
    expect(iso(workingDaysDeadline('2026-03-06T10:00:00+08:00', 1, china))).toBe(monday);
    expect(iso(workingDaysDeadline('2026-02-17T10:00:00+08:00', 1, china))).toBe('2026-02-24T16:00:00.000Z');
  });

  it('the day is the centre’s: one second past local midnight is the next start day', () => {
    expect(iso(workingDaysDeadline('2026-03-05T15:59:59Z', 1, china))).toBe('2026-03-06T16:00:00.000Z'); // Thursday 23:59:59
    expect(iso(workingDaysDeadline('2026-03-05T16:00:00Z', 1, china))).toBe('2026-03-09T16:00:00.000Z'); // Friday 00:00
  });

  it('on the eve of the Spring Festival: the make-up Saturdays count, the holiday week does not', () => {
    // Friday 13 Feb: Sat 14 (1), 15–23 off, 24–27 (2–5), Sat 28 (6), Mon 2 Mar (7).
    expect(nthWorkingDayAfter('2026-02-13', 7, china)).toBe('2026-03-02');
    expect(iso(workingDaysDeadline('2026-02-13T10:00:00+08:00', 7, china))).toBe('2026-03-02T16:00:00.000Z');
  });

  it('across the year boundary, with the New Year holidays and the make-up Sunday', () => {
    // Tue 30 Dec: Wed 31 (1), 1–3 Jan off, Sun 4 (2), 5–9 Jan (3–7).
    expect(iso(workingDaysDeadline('2025-12-30T09:00:00+08:00', 7, china))).toBe('2026-01-09T16:00:00.000Z');
  });

  it('15 working days over the National Day week', () => {
    // Wed 30 Sep: 1–7 Oct off, 8, 9 (1, 2), Sat 10 (3), 12–16 (4–8), 19–23 (9–13), 26, 27 (14, 15).
    expect(iso(workingDaysDeadline('2026-09-30T17:00:00+08:00', 15, china))).toBe('2026-10-27T16:00:00.000Z');
  });

  it('in New York, midnight local on either side of a daylight-saving change', () => {
    const ny = plain('America/New_York');
    // Friday 6 Mar (EST) → end of Monday 9 Mar, which is in EDT.
    expect(iso(workingDaysDeadline('2026-03-06T10:00:00-05:00', 1, ny))).toBe('2026-03-10T04:00:00.000Z');
    // Thursday 29 Oct (EDT): Fri 30, Mon 2 Nov, Tue 3 → end of Tuesday, in EST.
    expect(iso(workingDaysDeadline('2026-10-29T10:00:00-04:00', 3, ny))).toBe('2026-11-04T05:00:00.000Z');
    // Late Friday evening in New York is already Saturday in UTC: still Friday's start.
    expect(iso(workingDaysDeadline('2026-03-07T03:00:00Z', 1, ny))).toBe('2026-03-10T04:00:00.000Z');
  });

  it('counts exactly N working days between the start day and the deadline, for every start of a year', () => {
    for (let date = '2026-01-01'; date < '2027-01-01'; date = addDays(date, 1)) {
      const due = workingDaysDeadline(startOfLocalDate(date, china.timeZone) + 3_600_000, 5, china);
      const end = localDateOf(due, china.timeZone);
      let counted = 0;
      for (let d = addDays(date, 1); d < end; d = addDays(d, 1)) if (isWorkingDay(d, china)) counted++;
      expect(counted, date).toBe(5);
      expect(isWorkingDay(addDays(end, -1), china), date).toBe(true);
    }
  });
});
