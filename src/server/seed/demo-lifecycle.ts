import { v7 } from 'uuid';
import { formatProvisionalNumber } from '../../shared/domain/provisional-number';
import type { SlaPolicy } from '../../shared/domain/sla';
import type { TicketEvent, TicketFields } from '../../shared/domain/ticket';
import type { EventDraft } from '../events/push';
import type { Random } from './random';

/**
 * Where each demo ticket stands now, and the events that brought it there, in time order, every
 * one before now. Open tickets are placed by their running clock, so that most are in time, some
 * at risk (last quarter of the window) and some overdue, as on a real centre's board.
 */
export const fates = [
  ['answered', 0.17],
  ['resolved', 0.3],
  ['withdrawn', 0.02],
  ['merged', 0.03],
  ['registered', 0.04],
  ['dispatched', 0.08],
  ['accepted', 0.09],
  ['in_progress', 0.11],
  ['returned', 0.03],
  ['feedback', 0.11],
  ['redo', 0.02],
] as const;
export type Fate = (typeof fates)[number][0];
export const closedFates: readonly Fate[] = ['answered', 'resolved', 'withdrawn', 'merged'];
/** The share of closed tickets in a real centre's mix (the weights above). */
export const naturalClosedShare = fates.reduce((sum, [fate, w]) => sum + (closedFates.includes(fate) ? w : 0), 0);

/** The fates with `closedShare` of the tickets closed; open and closed fates each keep their own proportions. */
export function fateWeights(closedShare = naturalClosedShare): [Fate, number][] {
  return fates.map(([fate, w]) => [
    fate,
    closedFates.includes(fate) ? (w * closedShare) / naturalClosedShare : (w * (1 - closedShare)) / (1 - naturalClosedShare),
  ]);
}

/** One event and who pushes it: a demo user's name, or `system` for the units' side (as the unit simulator does). */
export interface SeedStep {
  event: EventDraft;
  by: string;
}

export interface TicketPlan {
  ticketId: string;
  fate: Fate;
  fields: TicketFields;
  policy: SlaPolicy;
  unit: { code: string; actor: string } | null;
  articleCode: string | undefined;
  /** For a merged duplicate: the caller's earlier ticket. */
  duplicateOf: string | undefined;
}

export interface Centre {
  random: Random;
  now: number;
  /** Days of history the closed tickets spread over. */
  days: number;
  /** Who is at a hotline desk at a time: the agent on shift, and that agent's workstation. */
  onShift: (at: number) => { username: string; origin: string };
  lead: { username: string; origin: string };
  /** A time in the last `days`, no later than `latest`, weighted to the hours calls come in. */
  callTime: (latest: number) => number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const feedbackSummaries = [
  '已派人现场核查并处理完毕，已与市民沟通，市民表示认可。',
  '经核实，问题已整改到位，后续将加强日常巡查。',
  '已协调物业公司处理，问题已解决，已电话告知来电人。',
  '已安排维修人员上门维修，现已恢复正常。',
  '已向来电人解释相关政策规定，来电人表示理解。',
  '经现场查看，已责令相关单位限期整改，整改情况将持续跟进。',
  '已约谈涉事企业负责人，企业承诺三日内处理完毕。',
];
const progressNotes = [
  '已联系来电人，约定明日上门查看。',
  '已派工作人员现场核实，正在协调相关单位。',
  '已转物业公司处理，督促其尽快答复。',
  '需协调多部门联合处置，正在推进中。',
];
const returnReasons = [
  '该地址不在本单位辖区，请核实后改派。',
  '该事项不属于本单位职责范围，建议派至区住建委。',
  '诉求涉及产权单位，请派至产权单位处理。',
];
const extensionReasons = [
  '需协调供热单位联合入户检测，申请延期。',
  '涉及多个产权单位，需进一步核实。',
  '维修材料需采购，预计需要更多时间。',
];
const callbackNotes = ['', '', '', '市民表示问题已解决。', '市民反映处理速度较慢。', '市民对处理结果表示认可。', '市民希望后续加强管理。'];
const followUpNotes = [
  '来电人催办，询问处理进度。',
  '来电人再次来电，反映问题仍未解决。',
  '来电人补充情况：问题比上次更严重了。',
  '来电人询问承办单位联系方式。',
];

/** How far into its window a running clock is: mostly in time, some at risk, some overdue. */
function clockShare(random: Random): number {
  const roll = random.next();
  if (roll < 0.78) return 0.03 + random.next() * 0.72;
  if (roll < 0.9) return 0.75 + random.next() * 0.25;
  return 1 + random.next() * 0.6;
}

/** How long a step takes, mostly well inside its limit and now and then past it. */
const within = (random: Random, windowMinutes: number, late = 0.08) =>
  (random.chance(late) ? 1 + random.next() * 0.3 : 0.05 + random.next() * 0.8) * windowMinutes * minute;

export function ticketSteps(centre: Centre, plan: TicketPlan): SeedStep[] {
  const { random, now } = centre;
  const { policy, unit } = plan;
  const marks: { type: TicketEvent['type']; at: number; payload: Record<string, unknown>; by: 'desk' | 'lead' | 'unit' }[] = [];
  const desk = (type: TicketEvent['type'], at: number, payload: Record<string, unknown>) => marks.push({ type, at, payload, by: 'desk' });
  const byUnit = (type: TicketEvent['type'], at: number, payload: Record<string, unknown> = {}) =>
    marks.push({ type, at, payload: { unitCode: unit!.code, ...payload }, by: 'unit' });
  const dispatch = (at: number) => desk('dispatched', at, { unitCodes: [unit!.code], leadUnitCode: unit!.code });
  const dispatchDelay = () => within(random, policy.dispatchMinutes);
  const acceptDelay = () => (5 + random.next() * (policy.feedbackMinutes <= 120 ? 20 : 180)) * minute;
  const callbackDelay = () => (30 + random.next() * 36 * 60) * minute;
  /** Dispatch, acceptance and the unit's report, from `created`; returns when the report came. */
  const handled = (created: number) => {
    const dispatched = created + dispatchDelay();
    dispatch(dispatched);
    const accepted = dispatched + acceptDelay();
    byUnit('unit_accepted', accepted);
    const reported = Math.max(accepted + 10 * minute, dispatched + within(random, policy.feedbackMinutes));
    if (random.chance(0.3))
      byUnit('unit_progress', accepted + (reported - accepted) * random.next() * 0.8, { note: random.pick(progressNotes) });
    byUnit('unit_feedback', reported, { summary: random.pick(feedbackSummaries) });
    return reported;
  };
  const satisfaction = () => (random.chance(0.75) ? 'satisfied' : 'basically_satisfied');
  const callback = (at: number, value: string) => {
    const note = random.pick(callbackNotes);
    desk('callback_recorded', at, note ? { satisfaction: value, note } : { satisfaction: value });
  };
  // Closed tickets: told from a start at 0, then moved to a call time late enough for the whole story to end before now.
  const closedStory = (story: (created: number) => number) => {
    desk('created', 0, {});
    const length = story(0);
    const created = centre.callTime(now - length - 5 * minute);
    for (const mark of marks) mark.at += created;
  };
  /** The moment `share` of the way from `from` to now. */
  const until = (from: number, share: number) => from + (now - from) * share;

  switch (plan.fate) {
    case 'answered':
      closedStory((created) => {
        const closed = created + (2 + random.next() * 8) * minute;
        desk(
          'closed',
          closed,
          plan.articleCode ? { resolution: 'direct_answer', articleCode: plan.articleCode } : { resolution: 'direct_answer' },
        );
        return closed - created;
      });
      break;
    case 'withdrawn':
      closedStory((created) => {
        const closed = created + (20 + random.next() * 600) * minute;
        desk('closed', closed, { resolution: 'withdrawn' });
        return closed - created;
      });
      break;
    case 'merged':
      closedStory((created) => {
        desk('linked_duplicate', created + 2 * minute, { duplicateOf: plan.duplicateOf });
        desk('closed', created + (5 + random.next() * 40) * minute, { resolution: 'merged', mergedInto: plan.duplicateOf });
        return 45 * minute;
      });
      break;
    case 'resolved':
      closedStory((created) => {
        let reported = handled(created);
        if (random.chance(0.08)) {
          // Unsatisfied first: back to the unit, which reports again.
          const redone = reported + callbackDelay();
          callback(redone, 'unsatisfied');
          const accepted = redone + acceptDelay();
          byUnit('unit_accepted', accepted);
          reported = Math.max(accepted + 10 * minute, redone + within(random, policy.feedbackMinutes));
          byUnit('unit_feedback', reported, { summary: random.pick(feedbackSummaries) });
        }
        const called = reported + callbackDelay();
        callback(called, satisfaction());
        return called - created;
      });
      break;
    case 'registered': {
      desk('created', now - clockShare(random) * policy.dispatchMinutes * minute, {});
      break;
    }
    case 'dispatched':
    case 'accepted':
    case 'in_progress': {
      const extended =
        plan.fate !== 'dispatched' && policy.feedbackMinutes >= 24 * 60 && random.chance(0.08) ? random.pick([24, 48, 72]) : 0;
      const dispatched = now - clockShare(random) * (policy.feedbackMinutes + extended * 60) * minute;
      desk('created', dispatched - dispatchDelay(), {});
      dispatch(dispatched);
      if (plan.fate === 'dispatched') break;
      const accepted = Math.min(dispatched + acceptDelay(), until(dispatched, 0.3));
      byUnit('unit_accepted', accepted);
      if (extended) {
        const asked = until(accepted, 0.2);
        byUnit('extension_requested', asked, { hours: extended, reason: random.pick(extensionReasons) });
        marks.push({ type: 'extension_decided', at: until(asked, 0.1), payload: { approved: true }, by: 'lead' });
      }
      if (plan.fate === 'in_progress') byUnit('unit_progress', until(accepted, 0.5), { note: random.pick(progressNotes) });
      if (!extended && policy.feedbackMinutes >= 24 * 60 && random.chance(0.15)) {
        byUnit('extension_requested', until(accepted, 0.8), { hours: random.pick([24, 48, 72]), reason: random.pick(extensionReasons) });
      }
      break;
    }
    case 'returned': {
      const returned = now - clockShare(random) * policy.dispatchMinutes * minute;
      const dispatched = returned - (30 + random.next() * 20 * 60) * minute;
      desk('created', dispatched - dispatchDelay(), {});
      dispatch(dispatched);
      if (random.chance(0.4)) byUnit('unit_accepted', dispatched + (returned - dispatched) * 0.3);
      byUnit('unit_returned', returned, { reason: random.pick(returnReasons) });
      break;
    }
    case 'feedback': {
      // Waiting for the callback: most reports came in the last day or two, a backlog older.
      const reported = now - (0.05 + 4 * random.next() ** 2) * day;
      const dispatched = reported - within(random, policy.feedbackMinutes, 0.05);
      desk('created', dispatched - dispatchDelay(), {});
      dispatch(dispatched);
      byUnit('unit_accepted', dispatched + (reported - dispatched) * 0.1);
      byUnit('unit_feedback', reported, { summary: random.pick(feedbackSummaries) });
      break;
    }
    case 'redo': {
      const redone = now - clockShare(random) * policy.feedbackMinutes * minute;
      const reported = redone - callbackDelay();
      const dispatched = reported - within(random, policy.feedbackMinutes, 0);
      desk('created', dispatched - dispatchDelay(), {});
      dispatch(dispatched);
      byUnit('unit_accepted', dispatched + (reported - dispatched) * 0.1);
      byUnit('unit_feedback', reported, { summary: random.pick(feedbackSummaries) });
      callback(redone, 'unsatisfied');
      if (random.chance(0.6)) byUnit('unit_accepted', Math.min(redone + acceptDelay(), until(redone, 0.5)));
      break;
    }
  }

  marks.sort((a, b) => a.at - b.at);
  return marks.map((mark) => {
    const at = Math.min(Math.round(mark.at), now - 1000);
    const who = mark.by === 'unit' ? { username: 'system', origin: 'unit' } : mark.by === 'lead' ? centre.lead : centre.onShift(at);
    // The workstation's number is given once every ticket has its time (numberCalls), in call order.
    const payload = mark.type === 'created' ? { provisionalNo: '', fields: plan.fields } : mark.payload;
    const actor = mark.by === 'unit' ? unit!.actor : who.username;
    // A draft: pushEvents checks each against the event schema, as it does a workstation's.
    const event: EventDraft = {
      id: v7(),
      ticketId: plan.ticketId,
      type: mark.type,
      at: new Date(at).toISOString(),
      actor,
      origin: who.origin,
      payload,
    };
    return { event, by: who.username };
  });
}

/** A later call from the same caller about an open ticket: a follow-up, at a time the ticket was still open. */
export function followUpStep(centre: Centre, steps: SeedStep[], from: number, callerPhone: string): SeedStep | null {
  const closing = steps.find(
    (s) => s.event.type === 'closed' || (s.event.type === 'callback_recorded' && s.event.payload.satisfaction !== 'unsatisfied'),
  );
  const until = closing ? Date.parse(closing.event.at) : centre.now;
  const start = Math.max(from, Date.parse(steps[0]!.event.at) + hour);
  if (start >= until - minute) return null;
  const at = start + centre.random.next() * (until - minute - start);
  const who = centre.onShift(at);
  const event: TicketEvent = {
    id: v7(),
    ticketId: steps[0]!.event.ticketId,
    type: 'followed_up',
    at: new Date(Math.round(at)).toISOString(),
    actor: who.username,
    origin: who.origin,
    payload: { callerPhone, note: centre.random.pick(followUpNotes) },
  };
  steps.push({ event, by: who.username });
  steps.sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at));
  return { event, by: who.username };
}

/** Gives each call its workstation's provisional number, in the order the calls came in. */
export function numberCalls(tickets: readonly SeedStep[][]): void {
  const sequences = new Map<string, number>();
  const calls = tickets.map((t) => t[0]!.event).sort((a, b) => a.at.localeCompare(b.at));
  for (const event of calls) {
    if (event.type !== 'created') continue;
    const sequence = (sequences.get(event.origin) ?? 0) + 1;
    sequences.set(event.origin, sequence);
    event.payload.provisionalNo = formatProvisionalNumber(event.origin, sequence);
  }
}
