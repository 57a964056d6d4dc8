import { describe, expect, it } from 'vitest';
import type { Call } from '../../../shared/server-api/cti';
import type { MonitorSnapshot, MonitorTicket } from '../../../shared/server-api/monitor';
import { applyChange, countBy, filterRisks, fromSnapshot, nextTransition, queues, riskLists, timeInStates } from './monitor-state';

const now = new Date('2026-11-29T10:00:00+08:00');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

const ticket = (id: string, over: Partial<MonitorTicket> = {}): MonitorTicket => ({
  id,
  seq: 1,
  number: `20261129000${id}`,
  status: 'registered',
  category: 'water.outage',
  urgency: 'normal',
  districtCode: '110105',
  streetCode: null,
  leadUnit: null,
  createdAt: minutes(-1),
  createdBy: 'agent1',
  dueStage: 'dispatch',
  dueStartedAt: minutes(-50),
  dueAt: minutes(10),
  incidentId: null,
  urgedCount: 0,
  ...over,
});

const snapshot: MonitorSnapshot = {
  at: now.toISOString(),
  head: 10,
  tickets: [
    ticket('1'),
    ticket('2', { dueStartedAt: minutes(-70), dueAt: minutes(-10) }),
    ticket('3', { dueStartedAt: minutes(-5), dueAt: minutes(55) }),
  ],
  agents: [
    {
      username: 'agent1',
      displayName: '张敏',
      role: 'agent',
      state: 'available',
      since: minutes(-30),
      callSince: null,
      ticketsToday: 2,
      callsToday: 1,
      ahtSeconds: 120,
      reason: null,
      helpSince: null,
      helpAnsweredBy: null,
      today: { available: 1800, on_call: 600, wrap_up: 120, break: 0 },
    },
  ],
  waiting: [],
  intakeByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, today: 0, baseline: 0 })),
  heat: [{ category: 'water.outage', districtCode: '110105', count: 2, baseline: 0, spike: false, ticketIds: ['1', '2'] }],
};

const noHelp = { reason: null, helpSince: null, helpAnsweredBy: null };

const call = (over: Partial<Call>): Call => ({
  id: 'c1',
  direction: 'in',
  from: '13800000000',
  to: '12345',
  queue: 'general',
  state: 'ringing',
  users: ['agent1'],
  answeredBy: null,
  cause: null,
  startedAt: minutes(-2),
  answeredAt: null,
  endedAt: null,
  ...over,
});

describe('the monitor state', () => {
  it('lists at-risk and overdue tickets apart, each least time left first, and knows when the next one turns', () => {
    const state = fromSnapshot(snapshot);
    const lists = riskLists(state, now);
    expect(lists.atRisk.map((r) => [r.ticket.id, r.state, r.msLeft])).toEqual([['1', 'at_risk', 10 * 60_000]]);
    expect(lists.overdue.map((r) => [r.ticket.id, r.state, r.msLeft])).toEqual([['2', 'overdue', -10 * 60_000]]);
    // Ticket 1 goes overdue in 10 min; ticket 3 turns at risk at 55 − 15 = 40 min: the sooner is next.
    expect(nextTransition(state, now)).toBe(Date.parse(minutes(10)));
  });

  it('puts the ticket about to breach ahead of one with more time, and the longest overdue ahead of the newly overdue', () => {
    const busy = fromSnapshot({
      ...snapshot,
      tickets: [
        ...snapshot.tickets,
        ticket('4', { dueStartedAt: minutes(-57), dueAt: minutes(3) }),
        ticket('5', { dueStartedAt: minutes(-600), dueAt: minutes(-540) }),
        ticket('6', { dueStartedAt: minutes(-61), dueAt: minutes(-1) }),
      ],
    });
    const lists = riskLists(busy, now);
    expect(lists.atRisk.map((r) => r.ticket.id)).toEqual(['4', '1']);
    expect(lists.overdue.map((r) => r.ticket.id)).toEqual(['5', '2', '6']);
  });

  it('finds risk rows by number or by the names the lead reads, and keeps all for blank text', () => {
    const rows = riskLists(
      fromSnapshot({ ...snapshot, tickets: [ticket('1'), ticket('4', { dueStartedAt: minutes(-57), dueAt: minutes(3), leadUnit: 'u1' })] }),
      now,
    ).atRisk;
    const name = (code: string | null) => (code === 'u1' ? '朝阳区水务局' : code === '110105' ? '朝阳区' : (code ?? '—'));
    expect(filterRisks(rows, '  ', name)).toHaveLength(2);
    expect(filterRisks(rows, '0004', name).map((r) => r.ticket.id)).toEqual(['4']);
    expect(filterRisks(rows, '水务', name).map((r) => r.ticket.id)).toEqual(['4']);
    expect(filterRisks(rows, '朝阳', name).map((r) => r.ticket.id)).toEqual(['4', '1']);
    expect(filterRisks(rows, 'WATER.OUT', name)).toHaveLength(2);
    expect(filterRisks(rows, '海淀', name)).toEqual([]);
  });

  it('folds in a new ticket: counts, the author’s tickets today, the hour, and a spike in its cell', () => {
    const state = applyChange(fromSnapshot(snapshot), { kind: 'tickets', tickets: [ticket('4', { createdAt: now.toISOString() })] }, now);
    expect(state.tickets.size).toBe(4);
    expect(state.agents.get('agent1')!.ticketsToday).toBe(3);
    expect(state.intakeByHour.find((h) => h.hour === now.getHours())!.today).toBe(1);
    expect(state.heat[0]).toMatchObject({ count: 3, spike: true, ticketIds: ['1', '2', '4'] });
    expect(countBy(state, 'districtCode')).toEqual([{ key: '110105', count: 4, urged: 0 }]);
  });

  it('adds up the urges (督办) on the open orders of each unit', () => {
    const state = applyChange(
      fromSnapshot(snapshot),
      {
        kind: 'tickets',
        tickets: [
          ticket('5', { status: 'dispatched', leadUnit: 'street:110105017', urgedCount: 2 }),
          ticket('6', { status: 'accepted', leadUnit: 'street:110105017', urgedCount: 1 }),
          ticket('7', { status: 'dispatched', leadUnit: 'company:heating' }),
        ],
      },
      now,
    );
    expect(countBy(state, 'leadUnit').filter((c) => c.key !== 'none')).toEqual([
      { key: 'street:110105017', count: 2, urged: 3 },
      { key: 'company:heating', count: 1, urged: 0 },
    ]);
  });

  it('keeps the later copy of a ticket and drops closed ones', () => {
    let state = applyChange(fromSnapshot(snapshot), { kind: 'tickets', tickets: [ticket('1', { seq: 5, status: 'dispatched' })] }, now);
    state = applyChange(state, { kind: 'tickets', tickets: [ticket('1', { seq: 3, status: 'registered' })] }, now);
    expect(state.tickets.get('1')!.status).toBe('dispatched');
    state = applyChange(state, { kind: 'tickets', tickets: [ticket('2', { seq: 9, status: 'closed' })] }, now);
    expect(state.tickets.has('2')).toBe(false);
  });

  it('follows presence and calls: queues while ringing, call time while answered, handle time when ended', () => {
    let state = applyChange(
      fromSnapshot(snapshot),
      { kind: 'presence', username: 'agent1', state: 'break', since: now.toISOString(), ...noHelp, reason: 'meal' },
      now,
    );
    expect(state.agents.get('agent1')!.state).toBe('break');
    state = applyChange(state, { kind: 'call', call: call({}) }, now);
    expect(queues(state)).toEqual([{ queue: 'general', waiting: 1, oldest: minutes(-2) }]);
    state = applyChange(state, { kind: 'call', call: call({ state: 'answered', answeredBy: 'agent1', answeredAt: minutes(-1) }) }, now);
    expect(queues(state)).toEqual([]);
    expect(state.agents.get('agent1')!.callSince).toBe(minutes(-1));
    state = applyChange(
      state,
      { kind: 'call', call: call({ state: 'ended', answeredBy: 'agent1', answeredAt: minutes(-1), endedAt: minutes(2) }) },
      now,
    );
    expect(state.agents.get('agent1')).toMatchObject({ callSince: null, callsToday: 2, ahtSeconds: 150 });
  });

  it("adds up an agent's time in each state as the state changes, from what the snapshot counted", () => {
    // The snapshot (at `now`) counted 30 minutes available; ten minutes later the agent goes for a meal.
    let state = fromSnapshot(snapshot);
    const agent1 = () => state.agents.get('agent1')!;
    expect(timeInStates(agent1(), state.countedAt, new Date(minutes(10)))).toEqual({
      available: 2400,
      on_call: 600,
      wrap_up: 120,
      break: 0,
    });
    state = applyChange(
      state,
      { kind: 'presence', username: 'agent1', state: 'break', since: minutes(10), ...noHelp, reason: 'meal' },
      now,
    );
    expect(agent1()).toMatchObject({ state: 'break', reason: 'meal', today: { available: 2400, break: 0 } });
    expect(timeInStates(agent1(), state.countedAt, new Date(minutes(25))).break).toBe(900);

    // A raised hand changes nothing in the times; coming back banks the break.
    state = applyChange(
      state,
      { kind: 'presence', username: 'agent1', state: 'break', since: minutes(10), ...noHelp, reason: 'meal', helpSince: minutes(20) },
      now,
    );
    expect(agent1()).toMatchObject({ helpSince: minutes(20), today: { break: 0 } });
    state = applyChange(state, { kind: 'presence', username: 'agent1', state: 'available', since: minutes(40), ...noHelp }, now);
    expect(agent1().today).toEqual({ available: 2400, on_call: 600, wrap_up: 120, break: 1800 });
    expect(agent1().reason).toBeNull();
  });
});
