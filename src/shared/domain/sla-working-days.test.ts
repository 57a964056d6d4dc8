import { describe, expect, it } from 'vitest';
import { judgeTicket, type RateEvent } from './rates';
import { referenceIndex, type ReferenceEntry } from './reference';
import { feedbackDue, slaClock, slaPolicyFrom } from './sla';
import type { Ticket } from './ticket';

const off = (code: string): ReferenceEntry => ({ kind: 'calendarDay', code, body: { zh: '春节', en: 'Spring Festival', workday: false } });
const worked = (code: string): ReferenceEntry => ({
  kind: 'calendarDay',
  code,
  body: { zh: '调休上班', en: 'Make-up working day', workday: true },
});

// The 2026 Spring Festival: 15–23 February off, Saturdays 14 and 28 February worked.
const reference = referenceIndex([
  { kind: 'category', code: 'road.pothole', body: { zh: '道路坑洼', en: 'Pothole', parent: 'road', sla: 'general' } },
  { kind: 'category', code: 'heating.none', body: { zh: '不供暖', en: 'No heating', parent: 'heating', sla: 'utility' } },
  {
    kind: 'slaPolicy',
    code: 'general',
    body: { zh: '一般类', en: 'General', dispatchMinutes: 1440, feedbackMinutes: 7 * 1440, feedbackWorkingDays: 7 },
  },
  { kind: 'slaPolicy', code: 'utility', body: { zh: '民生保障类', en: 'Utilities', dispatchMinutes: 120, feedbackMinutes: 1440 } },
  worked('2026-02-14'),
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'].map(off),
  worked('2026-02-28'),
]);

const fields = (category: string) => ({ fields: { category, urgency: 'normal' as const } });
type Clocked = Pick<Ticket, 'status' | 'createdAt' | 'dispatchedAt' | 'returnedAt' | 'extensionHours'>;
const dispatched = (at: string, extensionHours = 0): Clocked => ({
  status: 'accepted',
  createdAt: at,
  dispatchedAt: at,
  returnedAt: null,
  extensionHours,
});
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('a policy in working days', () => {
  const general = slaPolicyFrom(fields('road.pothole'), reference, 'Asia/Shanghai')!;

  it('carries its working days and the centre’s calendar', () => {
    expect(general.feedbackWorkingDays?.days).toBe(7);
    expect(general.feedbackWorkingDays?.calendar.timeZone).toBe('Asia/Shanghai');
    expect(general.feedbackWorkingDays?.calendar.day('2026-02-16')).toMatchObject({ workday: false });
  });

  it('ends the feedback clock at 24:00 of the 7th working day, skipping the holiday week', () => {
    const clock = slaClock(dispatched(bj('2026-02-13T16:00:00')), general, new Date(bj('2026-02-13T16:00:00')))!;
    expect(clock).toMatchObject({ stage: 'feedback', dueAt: bj('2026-03-03T00:00:00'), state: 'on_time' });
  });

  it('adds an extension as elapsed hours after the working-day deadline', () => {
    const clock = slaClock(dispatched(bj('2026-02-13T16:00:00'), 48), general, new Date(bj('2026-02-13T16:00:00')))!;
    expect(clock.dueAt).toBe(bj('2026-03-05T00:00:00'));
  });

  it('is at risk in the last quarter of its window and overdue after it', () => {
    const start = bj('2026-03-02T12:00:00'); // Monday; 7 working days end with Wednesday 11 March
    expect(slaClock(dispatched(start), general, new Date(bj('2026-03-09T00:00:00')))!.state).toBe('on_time');
    expect(slaClock(dispatched(start), general, new Date(bj('2026-03-10T12:00:00')))!.state).toBe('at_risk');
    expect(slaClock(dispatched(start), general, new Date(bj('2026-03-12T00:00:01')))!.state).toBe('overdue');
  });

  it('leaves the dispatch clock in minutes', () => {
    const registered = { ...dispatched(bj('2026-02-13T16:00:00')), status: 'registered' as const, dispatchedAt: null };
    expect(slaClock(registered, general, new Date(bj('2026-02-13T16:00:00')))!.dueAt).toBe(bj('2026-02-14T16:00:00'));
  });

  it('counts in the zone it is given: the same instant is another start day in New York', () => {
    const ny = slaPolicyFrom(fields('road.pothole'), reference, 'America/New_York')!;
    // Friday 13 Feb 16:00 in Beijing is Friday 03:00 in New York: the same start day, New York's midnight.
    expect(new Date(feedbackDue(ny, bj('2026-02-13T16:00:00'))).toISOString()).toBe('2026-03-03T05:00:00.000Z');
  });
});

describe('a policy in minutes', () => {
  it('is read and counted as before', () => {
    const utility = slaPolicyFrom(fields('heating.none'), reference, 'Asia/Shanghai')!;
    expect(utility).toEqual({ dispatchMinutes: 120, feedbackMinutes: 1440 });
    expect(slaClock(dispatched(bj('2026-02-13T16:00:00')), utility, new Date(bj('2026-02-13T16:00:00')))!.dueAt).toBe(
      bj('2026-02-14T16:00:00'),
    );
  });
});

describe('rates with a limit in working days', () => {
  const limits = slaPolicyFrom(fields('road.pothole'), reference, 'Asia/Shanghai');
  const events = (feedbackAt: string): RateEvent[] => [
    { at: bj('2026-02-13T09:00:00'), type: 'created' },
    { at: bj('2026-02-13T10:00:00'), type: 'dispatched', leadUnit: 'street:1' },
    { at: bj('2026-02-14T09:00:00'), type: 'unit_accepted' },
    { at: feedbackAt, type: 'unit_feedback' },
  ];
  const onTime = (feedbackAt: string) =>
    judgeTicket({ id: 't', districtCode: null, limits, events: events(feedbackAt) }, Date.parse(bj('2026-04-01T00:00:00'))).find(
      (j) => j.rate === 'onTimeFeedback',
    );

  it('counts a report back on the last working day as on time, ten calendar days after the dispatch', () => {
    expect(onTime(bj('2026-03-02T23:59:00'))).toMatchObject({ met: true });
  });

  it('decides a late one at the working-day limit', () => {
    expect(onTime(bj('2026-03-03T00:01:00'))).toMatchObject({ met: false, at: Date.parse(bj('2026-03-03T00:00:00')) });
  });
});
