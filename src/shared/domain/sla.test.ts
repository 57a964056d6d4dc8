import { describe, expect, it } from 'vitest';
import { formatDuration, type SlaPolicy, slaClassOf, slaClock } from './sla';
import type { Ticket } from './ticket';

// Beijing's limits (DB11): emergency 1 h / 2 h, utilities 2 h / 24 h, general 24 h / 7 d, complex 24 h / 15 d.
const policies: Record<string, SlaPolicy> = {
  emergency: { dispatchMinutes: 60, feedbackMinutes: 120 },
  utility: { dispatchMinutes: 120, feedbackMinutes: 1440 },
  general: { dispatchMinutes: 1440, feedbackMinutes: 7 * 1440 },
  complex: { dispatchMinutes: 1440, feedbackMinutes: 15 * 1440 },
};

type Clocked = Pick<Ticket, 'status' | 'createdAt' | 'dispatchedAt' | 'returnedAt' | 'extensionHours'>;
const registered = (createdAt: string): Clocked => ({
  status: 'registered',
  createdAt,
  dispatchedAt: null,
  returnedAt: null,
  extensionHours: 0,
});
const dispatched = (dispatchedAt: string, extensionHours = 0): Clocked => ({
  status: 'accepted',
  createdAt: dispatchedAt,
  dispatchedAt,
  returnedAt: null,
  extensionHours,
});
/** A Beijing wall-clock time (UTC+8) as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('deadlines', () => {
  it('cross the end of a day, a month and a year', () => {
    expect(slaClock(registered(bj('2026-12-31T23:30:00')), policies.general!, new Date(bj('2026-12-31T23:31:00')))!.dueAt).toBe(
      bj('2027-01-01T23:30:00'),
    );
    expect(slaClock(registered(bj('2026-11-30T23:15:00')), policies.utility!, new Date(bj('2026-11-30T23:20:00')))!.dueAt).toBe(
      bj('2026-12-01T01:15:00'),
    );
    expect(slaClock(dispatched(bj('2026-12-28T18:00:00')), policies.general!, new Date(bj('2026-12-28T18:00:00')))!.dueAt).toBe(
      bj('2027-01-04T18:00:00'),
    );
  });

  it('count February as it is, leap years included', () => {
    expect(slaClock(dispatched(bj('2027-02-25T09:00:00')), policies.general!, new Date(bj('2027-02-25T09:00:00')))!.dueAt).toBe(
      bj('2027-03-04T09:00:00'),
    );
    expect(slaClock(dispatched(bj('2028-02-25T09:00:00')), policies.general!, new Date(bj('2028-02-25T09:00:00')))!.dueAt).toBe(
      bj('2028-03-03T09:00:00'),
    );
    expect(slaClock(dispatched(bj('2028-02-20T09:00:00')), policies.complex!, new Date(bj('2028-02-20T09:00:00')))!.dueAt).toBe(
      bj('2028-03-06T09:00:00'),
    );
  });

  it('are elapsed time across a daylight-saving change (a city with one)', () => {
    // New York springs forward on 2027-03-14: 24 hours after 09:00 EST is 10:00 EDT.
    const created = new Date('2027-03-13T09:00:00-05:00').toISOString();
    expect(slaClock(registered(created), policies.general!, new Date(created))!.dueAt).toBe(
      new Date('2027-03-14T10:00:00-04:00').toISOString(),
    );
  });

  it('run from a return for the re-dispatch, and add granted extensions to the feedback time', () => {
    const returned: Clocked = {
      status: 'returned',
      createdAt: bj('2026-11-28T08:00:00'),
      dispatchedAt: null,
      returnedAt: bj('2026-11-29T10:00:00'),
      extensionHours: 0,
    };
    expect(slaClock(returned, policies.utility!, new Date(bj('2026-11-29T10:30:00')))).toMatchObject({
      stage: 'dispatch',
      dueAt: bj('2026-11-29T12:00:00'),
    });
    expect(slaClock(dispatched(bj('2026-11-29T10:00:00'), 48), policies.utility!, new Date(bj('2026-11-29T10:00:00')))).toMatchObject({
      stage: 'feedback',
      dueAt: bj('2026-12-02T10:00:00'),
    });
  });
});

describe('states', () => {
  const start = bj('2026-11-29T08:00:00');
  const at = (local: string) => slaClock(registered(start), policies.utility!, new Date(bj(local)));
  it('are on time, at risk in the last quarter of the window, then overdue', () => {
    expect(at('2026-11-29T09:00:00')).toMatchObject({ state: 'on_time', msLeft: 3600_000 });
    expect(at('2026-11-29T09:30:00')).toMatchObject({ state: 'at_risk', msLeft: 1800_000 });
    expect(at('2026-11-29T10:00:00')).toMatchObject({ state: 'at_risk', msLeft: 0 });
    expect(at('2026-11-29T10:00:01')).toMatchObject({ state: 'overdue', msLeft: -1000 });
  });

  it('stop once the unit has reported back or the ticket is closed', () => {
    for (const status of ['feedback', 'closed'] as const)
      expect(slaClock({ ...registered(start), status }, policies.general!, new Date(start))).toBeNull();
  });

  it('take the category class, but an emergency call is an emergency', () => {
    expect(slaClassOf({ fields: { urgency: 'normal' } } as Ticket, 'utility')).toBe('utility');
    expect(slaClassOf({ fields: { urgency: 'emergency' } } as Ticket, 'general')).toBe('emergency');
    expect(slaClassOf({ fields: { urgency: 'urgent' } } as Ticket, null)).toBe('general');
  });

  it('split countdowns into the two largest units that matter, in no language', () => {
    expect(formatDuration(125 * 60_000)).toEqual({
      negative: false,
      parts: [
        { unit: 'h', value: 2 },
        { unit: 'min', value: 5 },
      ],
    });
    expect(formatDuration((1440 + 59) * 60_000)).toEqual({
      negative: false,
      parts: [
        { unit: 'd', value: 1 },
        { unit: 'h', value: 0 },
      ],
    });
    expect(formatDuration(-30 * 60_000 - 59_000)).toEqual({ negative: true, parts: [{ unit: 'min', value: 30 }] });
  });
});
