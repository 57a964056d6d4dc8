import { describe, expect, it } from 'vitest';
import { isTimeZone, parseHistoryDate } from './history-date';

const ny = 'America/New_York';
const at = (text: string, zone = ny) => {
  const parsed = parseHistoryDate(text, zone);
  return parsed.ok ? parsed.iso : `refused: ${parsed.reason}`;
};

describe('reading exported dates', () => {
  it('keeps the zone an ISO 8601 date carries, whatever the import zone', () => {
    expect(at('2025-12-01T09:30:00+08:00')).toBe('2025-12-01T01:30:00.000Z');
    expect(at('2018-04-12T11:11:26.250Z')).toBe('2018-04-12T11:11:26.250Z');
    expect(at('2018-04-12 11:11:26 -0400')).toBe('2018-04-12T15:11:26.000Z');
    expect(at('2018-04-12T11:11-04')).toBe('2018-04-12T15:11:00.000Z');
  });

  it('reads US month/day/year with AM/PM, and 24-hour, in the import zone', () => {
    expect(at('04/12/2018 11:11:26 AM')).toBe('2018-04-12T15:11:26.000Z');
    expect(at('04/12/2018 11:11:26 PM')).toBe('2018-04-13T03:11:26.000Z');
    expect(at('04/12/2018 12:05:00 AM')).toBe('2018-04-12T04:05:00.000Z');
    expect(at('04/12/2018 12:05:00 PM')).toBe('2018-04-12T16:05:00.000Z');
    expect(at('1/5/2018 23:00')).toBe('2018-01-06T04:00:00.000Z');
    expect(at('01/05/2018')).toBe('2018-01-05T05:00:00.000Z');
    expect(at('04/12/2018 11:11:26 AM', 'Asia/Shanghai')).toBe('2018-04-12T03:11:26.000Z');
  });

  it('reads a date without a zone as wall-clock time in the import zone', () => {
    expect(at('2018-04-12 11:11:26')).toBe('2018-04-12T15:11:26.000Z');
    expect(at('2018-01-12T11:11:26')).toBe('2018-01-12T16:11:26.000Z');
    expect(at('2018-04-12')).toBe('2018-04-12T04:00:00.000Z');
    expect(at('2025-12-01 09:30:00', 'Asia/Shanghai')).toBe('2025-12-01T01:30:00.000Z');
  });

  it('reads the edges of summer time in New York: the skipped hour forward, the doubled hour as its first pass', () => {
    // 2018-03-11: clocks went from 01:59:59 EST to 03:00 EDT.
    expect(at('03/11/2018 01:59:59 AM')).toBe('2018-03-11T06:59:59.000Z');
    expect(at('03/11/2018 02:30:00 AM')).toBe('2018-03-11T07:30:00.000Z'); // = 03:30 EDT
    expect(at('03/11/2018 03:00:00 AM')).toBe('2018-03-11T07:00:00.000Z');
    // 2018-11-04: 01:00–01:59 happened twice; the EDT pass comes first.
    expect(at('11/04/2018 12:59:59 AM')).toBe('2018-11-04T04:59:59.000Z');
    expect(at('11/04/2018 01:30:00 AM')).toBe('2018-11-04T05:30:00.000Z');
    expect(at('11/04/2018 02:00:00 AM')).toBe('2018-11-04T07:00:00.000Z');
    expect(at('2018-11-04T01:30:00-05:00')).toBe('2018-11-04T06:30:00.000Z');
  });

  it('refuses odd input, saying what is wrong and what to write', () => {
    expect(at('0000-01-01T00:00:00+08:00')).toBe('refused: "0000-01-01T00:00:00+08:00": the year 0 is outside 1970–2099');
    expect(at('01/01/0000 10:00 AM')).toBe('refused: "01/01/0000 10:00 AM": the year 0 is outside 1970–2099');
    expect(at('1970-01-01T03:00:00+08:00')).toBe('refused: "1970-01-01T03:00:00+08:00" is outside 1970–2099 in UTC');
    expect(at('02/30/2018')).toBe('refused: "02/30/2018": 2018-02 has no day 30');
    expect(at('02/29/2020')).toBe('2020-02-29T05:00:00.000Z');
    expect(at('13/01/2018')).toBe('refused: "13/01/2018": there is no month 13');
    expect(at('04/12/2018 13:00 PM')).toBe('refused: "04/12/2018 13:00 PM": the hour 13 is not between 1 and 12 (it has AM/PM)');
    expect(at('2018-04-12T24:00:00Z')).toBe('refused: "2018-04-12T24:00:00Z": the time of day is not between 00:00:00 and 23:59:59');
    expect(at('2018-04-12T10:00:00+25:00')).toBe('refused: "2018-04-12T10:00:00+25:00": the offset +25:00 is not one a time zone has');
    expect(at('12.04.2018')).toMatch(/^refused: "12.04.2018" is not a date this import reads; write ISO 8601/);
    expect(at('  ')).toMatch(/^refused: is empty/);
    expect(at('2018-04-12 10:00', 'Mars/Olympus')).toBe('refused: the time zone "Mars/Olympus" is not one such as America/New_York');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(ny)).toBe(true);
  });
});
