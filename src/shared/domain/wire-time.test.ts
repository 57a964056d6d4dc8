import { describe, expect, it } from 'vitest';
import { eventClockBounds, eventTimeProblem, wireDateTime } from './wire-time';

describe('wireDateTime', () => {
  const schema = wireDateTime({ offset: true });

  it.each(['1970-01-01T00:00:00Z', '2026-12-01T08:00:00+08:00', '2099-12-31T23:59:59.999Z'])('accepts %s', (text) => {
    expect(schema.safeParse(text).success).toBe(true);
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '1969-12-31T23:59:59.999Z',
    '2100-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
  ])('refuses %s', (text) => {
    expect(schema.safeParse(text).success).toBe(false);
  });

  it('says what window is allowed', () => {
    expect(schema.safeParse('0000-01-01T00:00:00Z').error?.issues[0]?.message).toBe('must be between 1970-01-01 and 2100-01-01');
  });
});

describe('eventTimeProblem', () => {
  const now = new Date('2026-12-01T08:00:00.000Z');
  const shifted = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('takes modest skew and events made offline long ago', () => {
    expect(eventTimeProblem(shifted(eventClockBounds.maxAheadMs), now)).toBeNull();
    expect(eventTimeProblem(shifted(-3 * 24 * 3600_000), now)).toBeNull();
    expect(eventTimeProblem(shifted(-eventClockBounds.maxBehindMs), now)).toBeNull();
  });

  it('refuses a clock far ahead or reset to the past, saying what to fix', () => {
    const ahead = shifted(eventClockBounds.maxAheadMs + 60_000);
    const serverTime = now.toISOString();
    expect(eventTimeProblem(ahead, now)).toEqual({ code: 'time_ahead', params: { at: ahead, serverTime, minutes: 6 } });
    for (const at of ['1970-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z']) {
      expect(eventTimeProblem(at, now)).toEqual({ code: 'time_too_old', params: { at, serverTime } });
    }
  });
});
