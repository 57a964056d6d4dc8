import type { PushedPayload } from '../../../shared/contract/events';
import { isSpike } from '../../../shared/domain/hot-spots';
import { atRiskShare, clockAt, type SlaState } from '../../../shared/domain/sla';
import type { HeatCell, MonitorAgent, MonitorSnapshot, MonitorTicket } from '../../../shared/server-api/monitor';
import type { StateSeconds } from '../../../shared/server-api/presence';

export type MonitorChange = PushedPayload<'monitor.changed'>;
type Waiting = MonitorSnapshot['waiting'][number];

/**
 * The monitor as the lead sees it: the snapshot, then every delta folded in. Pure, so the screen
 * and its tests share it; each change makes new collections only where something changed.
 */
export interface MonitorState {
  tickets: ReadonlyMap<string, MonitorTicket>;
  agents: ReadonlyMap<string, MonitorAgent>;
  waiting: ReadonlyMap<string, Waiting>;
  intakeByHour: MonitorSnapshot['intakeByHour'];
  heat: readonly HeatCell[];
  /** When the snapshot counted the agents' time in each state (ms since the epoch). */
  countedAt: number;
}

export const fromSnapshot = (snapshot: MonitorSnapshot): MonitorState => ({
  tickets: new Map(snapshot.tickets.map((t) => [t.id, t])),
  agents: new Map(snapshot.agents.map((a) => [a.username, a])),
  waiting: new Map(snapshot.waiting.map((w) => [w.id, w])),
  intakeByHour: snapshot.intakeByHour,
  heat: snapshot.heat,
  countedAt: Date.parse(snapshot.at),
});

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

function addNewTicket(state: MonitorState, ticket: MonitorTicket, now: Date): Pick<MonitorState, 'agents' | 'intakeByHour' | 'heat'> {
  const created = new Date(ticket.createdAt);
  if (!sameDay(created, now)) return state;
  const author = state.agents.get(ticket.createdBy);
  const agents = author ? new Map(state.agents).set(author.username, { ...author, ticketsToday: author.ticketsToday + 1 }) : state.agents;
  const intakeByHour = state.intakeByHour.map((h) => (h.hour === created.getHours() ? { ...h, today: h.today + 1 } : h));
  if (!ticket.category || !ticket.districtCode) return { agents, intakeByHour, heat: state.heat };
  const existing = state.heat.find((c) => c.category === ticket.category && c.districtCode === ticket.districtCode);
  const cell = existing ?? {
    category: ticket.category,
    districtCode: ticket.districtCode,
    count: 0,
    baseline: 0,
    spike: false,
    ticketIds: [],
  };
  const count = cell.count + 1;
  const grown = { ...cell, count, spike: isSpike(count, cell.baseline), ticketIds: [...cell.ticketIds, ticket.id] };
  const heat = [grown, ...state.heat.filter((c) => c !== existing)].sort((a, b) => Number(b.spike) - Number(a.spike) || b.count - a.count);
  return { agents, intakeByHour, heat };
}

/**
 * Today's time in each state once the agent moves on: the state left gets the time spent in it
 * since it began (or since midnight, or since the snapshot counted it, whichever is latest).
 */
function timeBanked(state: MonitorState, agent: MonitorAgent, change: Extract<MonitorChange, { kind: 'presence' }>): StateSeconds {
  if (agent.state === change.state) return agent.today;
  return timeInStates(agent, state.countedAt, new Date(change.since));
}

/**
 * An agent's time in each state today as of `now`: what the snapshot (taken at `countedAt`)
 * counted, and the current state's time since then.
 */
export function timeInStates(agent: MonitorAgent, countedAt: number, now: Date): StateSeconds {
  if (agent.state === 'disconnected' || !agent.since) return agent.today;
  const from = Math.max(Date.parse(agent.since), countedAt, startOfDay(now));
  const seconds = Math.max(0, (now.getTime() - from) / 1000);
  return { ...agent.today, [agent.state]: agent.today[agent.state] + seconds };
}

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

export function applyChange(state: MonitorState, change: MonitorChange, now: Date): MonitorState {
  switch (change.kind) {
    case 'tickets': {
      let next = state;
      const tickets = new Map(state.tickets);
      for (const ticket of change.tickets) {
        const known = tickets.get(ticket.id);
        if (known && known.seq > ticket.seq) continue; // an older copy than the one shown
        const isNew = !known;
        if (ticket.status === 'closed') tickets.delete(ticket.id);
        else tickets.set(ticket.id, ticket);
        if (isNew && ticket.status !== 'closed') next = { ...next, ...addNewTicket(next, ticket, now) };
      }
      return { ...next, tickets };
    }
    case 'presence': {
      const agent = state.agents.get(change.username);
      if (!agent) return state;
      const { kind: _kind, username: _username, ...presence } = change;
      return {
        ...state,
        agents: new Map(state.agents).set(agent.username, { ...agent, ...presence, today: timeBanked(state, agent, change) }),
      };
    }
    case 'call': {
      const { call } = change;
      const waiting = new Map(state.waiting);
      if (call.state === 'ringing') waiting.set(call.id, { id: call.id, queue: call.queue, from: call.from, startedAt: call.startedAt });
      else waiting.delete(call.id);
      const agent = call.answeredBy ? state.agents.get(call.answeredBy) : undefined;
      if (!agent) return { ...state, waiting };
      let updated = agent;
      if (call.state === 'answered') updated = { ...agent, callSince: call.answeredAt };
      if (call.state === 'ended' && call.answeredAt && call.endedAt) {
        const seconds = (Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000;
        const callsToday = agent.callsToday + 1;
        updated = {
          ...agent,
          callSince: null,
          callsToday,
          ahtSeconds: ((agent.ahtSeconds ?? 0) * agent.callsToday + seconds) / callsToday,
        };
      }
      return { ...state, waiting, agents: new Map(state.agents).set(agent.username, updated) };
    }
  }
}

export interface RiskRow {
  ticket: MonitorTicket;
  msLeft: number;
  state: SlaState;
}

export interface RiskLists {
  atRisk: RiskRow[];
  overdue: RiskRow[];
}

/**
 * Every open ticket with a running clock that is at risk or overdue, as two lists, each least time
 * left first: what is about to breach leads its own list, so a centre's old backlog of overdue
 * tickets cannot bury the ones a lead can still save.
 */
export function riskLists(state: MonitorState, now: Date): RiskLists {
  const lists: RiskLists = { atRisk: [], overdue: [] };
  for (const ticket of state.tickets.values()) {
    if (!ticket.dueAt || !ticket.dueStartedAt) continue;
    const clock = clockAt(ticket.dueStartedAt, ticket.dueAt, now);
    if (clock.state === 'at_risk') lists.atRisk.push({ ticket, ...clock });
    else if (clock.state === 'overdue') lists.overdue.push({ ticket, ...clock });
  }
  const byTimeLeft = (a: RiskRow, b: RiskRow) => a.msLeft - b.msLeft;
  lists.atRisk.sort(byTimeLeft);
  lists.overdue.sort(byTimeLeft);
  return lists;
}

/**
 * The rows whose number, category, district or lead unit contains the lead's text (names as the
 * lead reads them); every row for blank text.
 */
export function filterRisks(rows: RiskRow[], text: string, name: (code: string | null) => string): RiskRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter(({ ticket }) =>
    [ticket.number, name(ticket.category), name(ticket.districtCode), name(ticket.leadUnit)].some((field) =>
      field.toLowerCase().includes(needle),
    ),
  );
}

/**
 * The next instant any open ticket turns at risk or overdue, so the screen can redraw exactly
 * then rather than up to a tick late; null when no clock will turn.
 */
export function nextTransition(state: MonitorState, now: Date): number | null {
  let next: number | null = null;
  const consider = (instant: number) => {
    if (instant > now.getTime() && (next === null || instant < next)) next = instant;
  };
  for (const ticket of state.tickets.values()) {
    if (!ticket.dueAt || !ticket.dueStartedAt) continue;
    const due = Date.parse(ticket.dueAt);
    consider(due - (due - Date.parse(ticket.dueStartedAt)) * atRiskShare);
    consider(due);
  }
  return next;
}

export type Dimension = 'status' | 'leadUnit' | 'districtCode';

/** Open tickets counted by one dimension, largest first; `none` where the ticket has no value. */
export function countBy(state: MonitorState, dimension: Dimension): { key: string; count: number; urged: number }[] {
  const counts = new Map<string, { count: number; urged: number }>();
  for (const ticket of state.tickets.values()) {
    const key = ticket[dimension] ?? 'none';
    const entry = counts.get(key) ?? { count: 0, urged: 0 };
    counts.set(key, { count: entry.count + 1, urged: entry.urged + ticket.urgedCount });
  }
  return [...counts.entries()].map(([key, entry]) => ({ key, ...entry })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Calls waiting per queue, with the longest wait. */
export function queues(state: MonitorState): { queue: string; waiting: number; oldest: string }[] {
  const byQueue = new Map<string, { queue: string; waiting: number; oldest: string }>();
  for (const call of state.waiting.values()) {
    const queue = call.queue ?? '—';
    const entry = byQueue.get(queue);
    if (!entry) byQueue.set(queue, { queue, waiting: 1, oldest: call.startedAt });
    else byQueue.set(queue, { queue, waiting: entry.waiting + 1, oldest: call.startedAt < entry.oldest ? call.startedAt : entry.oldest });
  }
  return [...byQueue.values()].sort((a, b) => a.oldest.localeCompare(b.oldest));
}
