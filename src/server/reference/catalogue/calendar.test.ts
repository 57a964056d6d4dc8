import { describe, expect, it } from 'vitest';
import { referenceIndex } from '../../../shared/domain/reference';
import { workingCalendar, workingDaysDeadline } from '../../../shared/domain/working-calendar';
import { defaultReferenceData } from '../reference-data';
import { calendarDays, holidays } from './calendar';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const weekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe('the seeded calendar of China’s public holidays', () => {
  it('lists only days that break the week: weekdays off and weekend days worked', () => {
    for (const h of holidays) {
      for (const d of h.off) expect(weekend(d), `${h.zh} ${d}`).toBe(false);
      for (const d of h.worked) expect(weekend(d), `${h.zh} ${d}`).toBe(true);
    }
  });

  it('holds 2025 and 2026 as the State Council arranged them', () => {
    const days = calendarDays();
    const off = (year: string) => days.filter((d) => d.code.startsWith(year) && !d.body.workday).length;
    const worked = (year: string) => days.filter((d) => d.code.startsWith(year) && d.body.workday).map((d) => d.code);
    // Weekdays off: 18 in 2025, 19 in 2026.
    expect(off('2025')).toBe(18);
    expect(worked('2025').sort()).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(off('2026')).toBe(19);
    expect(worked('2026').sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(new Set(days.map((d) => d.code)).size).toBe(days.length);
  });

  it('is in the default reference data, where the deadline of the Spring Festival eve skips the holiday', () => {
    const calendar = workingCalendar('Asia/Shanghai', referenceIndex(defaultReferenceData()));
    expect(calendar.day('2026-02-17')).toEqual({ zh: '春节', en: 'Spring Festival', workday: false });
    expect(new Date(workingDaysDeadline('2026-02-13T10:00:00+08:00', 7, calendar)).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
});
