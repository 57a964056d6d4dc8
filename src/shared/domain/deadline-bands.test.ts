import { describe, expect, it } from 'vitest';
import { countDeadlineBands, deadlineBand } from './deadline-bands';

const now = new Date('2026-12-01T10:00:00+08:00');
const dueIn = (ms: number) => ({ dueAt: new Date(now.getTime() + ms).toISOString() });
const min = 60_000;
const hour = 60 * min;

describe('deadline bands', () => {
  it('puts each edge in the band that starts there', () => {
    expect(deadlineBand(-1)).toBe('overdue');
    expect(deadlineBand(0)).toBe('underHour');
    expect(deadlineBand(hour - 1)).toBe('underHour');
    expect(deadlineBand(hour)).toBe('oneToFour');
    expect(deadlineBand(4 * hour - 1)).toBe('oneToFour');
    expect(deadlineBand(4 * hour)).toBe('fourToDay');
    expect(deadlineBand(24 * hour - 1)).toBe('fourToDay');
    expect(deadlineBand(24 * hour)).toBe('overDay');
    expect(deadlineBand(15 * 24 * hour)).toBe('overDay');
  });

  it('counts a hand-made set of open tickets, those without a running clock apart', () => {
    const tickets = [
      dueIn(-3 * 24 * hour), // October's backlog
      dueIn(-5 * min),
      dueIn(10 * min),
      dueIn(59 * min),
      dueIn(2 * hour),
      dueIn(5 * hour),
      dueIn(23 * hour),
      dueIn(7 * 24 * hour),
      { dueAt: null },
      { dueAt: null },
    ];
    expect(countDeadlineBands(tickets, now)).toEqual({
      bands: { overdue: 2, underHour: 2, oneToFour: 1, fourToDay: 2, overDay: 1 },
      noClock: 2,
    });
  });

  it('moves a ticket from band to band as the clock runs', () => {
    const ticket = dueIn(61 * min);
    expect(countDeadlineBands([ticket], now).bands.oneToFour).toBe(1);
    const later = new Date(now.getTime() + 2 * min);
    expect(countDeadlineBands([ticket], later).bands).toMatchObject({ oneToFour: 0, underHour: 1 });
    const past = new Date(now.getTime() + 62 * min);
    expect(countDeadlineBands([ticket], past).bands).toMatchObject({ underHour: 0, overdue: 1 });
  });

  it('counts nothing for no tickets', () => {
    expect(countDeadlineBands([], now)).toEqual({
      bands: { overdue: 0, underHour: 0, oneToFour: 0, fourToDay: 0, overDay: 0 },
      noClock: 0,
    });
  });
});
