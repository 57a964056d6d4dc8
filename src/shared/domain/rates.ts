import type { RateName } from '../server-api/monitor';
import { feedbackDue, type SlaPolicy } from './sla';
import type { TicketEvent } from './ticket';

/**
 * The rates a hotline centre is audited on, worked out from tickets' event logs alone.
 *
 * Every rate counts *judged items*: each item is judged once, met or not, at one instant (the
 * decision), and belongs to the period that instant falls in. The numerator is the judged items
 * that were met, so no rate can pass 100 %; a rate with no judged item is null (shown "—").
 * A decision, once made, never changes, so the figures of a period that has ended stay as they are.
 *
 * A *round* (承办) is one handling of a ticket by its lead unit (主办单位): it starts with a
 * dispatch, or again with an unsatisfied callback (返工, same units, a fresh time limit); it ends
 * at the next dispatch, the unit's return, a callback, a closing or a reopening. The unit's time
 * limit for the round is its start plus the policy's feedback time (or, for a policy in working
 * days, the end of its last working day: src/shared/domain/sla.ts) plus the extension hours
 * granted before that limit ran out. A round counts for its lead unit; co-units (协办) are not judged.
 *
 *   response (响应率)             item: each round. Met when a unit of the round accepts it or
 *                                 returns it with a reason, by the time limit. Decided then, or at
 *                                 the limit when neither happened (not met).
 *   on-time feedback (按时反馈率) item: each round. Met when the unit reports back by the time limit.
 *                                 Decided then, or at the limit (not met).
 *   resolution (解决率)           item: each report back (unit feedback) the hotline concluded. Met when
 *                                 the callback found the citizen satisfied or basically satisfied, or
 *                                 the ticket was closed as resolved; not met when the callback found
 *                                 them unsatisfied (the ticket goes back to the unit). Decided then.
 *   satisfaction (满意率)         item: each callback recorded. Met when satisfied or basically satisfied.
 *   on-time dispatch (按时派单率) item: each wait for a dispatch, from registration, a unit's return
 *                                 or a reopening. Met when dispatched by the policy's dispatch time.
 *                                 Decided then, or at the limit (not met). It is the hotline's rate:
 *                                 it counts for the district and the centre, never for a unit.
 *
 * Not judged at all: a round the hotline ended before its decision (reassigned, closed, reopened),
 * a return's feedback (the unit declined the ticket), a report back closed as withdrawn or merged, a
 * wait ended by closing the ticket (a direct answer, a withdrawal, a merge) before its limit, and the
 * time limits of a ticket whose policy is unknown. An item still undecided (its limit not reached)
 * is not counted yet. A unit's item counts for the round's lead unit; every item counts for the
 * ticket's district as it stands now ('unknown' without one) and for the centre's total.
 */
export type RateEvent = { at: string } & (
  | { type: 'created' }
  | { type: 'dispatched'; leadUnit: string }
  | { type: 'unit_accepted' | 'unit_returned' | 'unit_feedback' }
  | { type: 'extension_requested'; hours: number }
  | { type: 'extension_decided'; approved: boolean }
  | { type: 'callback_recorded'; satisfaction: string }
  | { type: 'closed'; resolution: string }
  | { type: 'reopened' }
);

/** Every event type the rates read: what a server query asks the event log for. */
export const rateEventTypes: readonly RateEvent['type'][] = [
  'created',
  'dispatched',
  'unit_accepted',
  'unit_returned',
  'unit_feedback',
  'extension_requested',
  'extension_decided',
  'callback_recorded',
  'closed',
  'reopened',
];

export interface RateTicket {
  id: string;
  districtCode: string | null;
  /** The ticket's time limits; null when its policy is not known (its three timed rates are then not judged). */
  limits: SlaPolicy | null;
  /** Every event of the ticket that bears on a rate, in server order. */
  events: readonly RateEvent[];
}

/** One judged item: which rate, whose (null: the hotline's), where, when it was decided, met or not. */
export interface Judgement {
  rate: RateName;
  ticketId: string;
  unit: string | null;
  district: string;
  at: number;
  met: boolean;
}

const satisfied = (satisfaction: string) => satisfaction === 'satisfied' || satisfaction === 'basically_satisfied';
const minutes = 60_000;

interface Round {
  unit: string;
  due: number | null;
  response: boolean;
  feedback: boolean;
  reportedBack: boolean;
  askedHours: number;
}

/** Every item of one ticket judged by `now` (epoch ms), in the order decided. */
export function judgeTicket(ticket: RateTicket, now: number): Judgement[] {
  const out: Judgement[] = [];
  const district = ticket.districtCode ?? 'unknown';
  const judge = (rate: RateName, unit: string | null, at: number, met: boolean) =>
    out.push({ rate, ticketId: ticket.id, unit, district, at, met });
  const limits = ticket.limits;
  let waitDue: number | null = null;
  let round: Round | null = null;

  const startWait = (at: number) => {
    waitDue = limits ? at + limits.dispatchMinutes * minutes : null;
  };
  const startRound = (unit: string, at: number) => {
    // Without a policy there is no limit to be on time for: both timed rates count as decided, unjudged.
    const timed = limits !== null;
    round = {
      unit,
      due: timed ? feedbackDue(limits, at) : null,
      response: !timed,
      feedback: !timed,
      reportedBack: false,
      askedHours: 0,
    };
  };
  // Limits that ran out before `t` are decided at the limit, not met.
  const expire = (t: number) => {
    if (waitDue !== null && waitDue < t) {
      judge('onTimeDispatch', null, waitDue, false);
      waitDue = null;
    }
    const r = round as Round | null;
    if (r && r.due !== null && r.due < t) {
      if (!r.response) judge('response', r.unit, r.due, false);
      if (!r.feedback) judge('onTimeFeedback', r.unit, r.due, false);
      r.response = r.feedback = true;
      r.due = null;
    }
  };

  for (const event of ticket.events) {
    const at = Date.parse(event.at);
    expire(at);
    const r = round as Round | null;
    switch (event.type) {
      case 'created':
      case 'reopened':
        round = null;
        startWait(at);
        break;
      case 'dispatched':
        if (waitDue !== null) judge('onTimeDispatch', null, at, true);
        waitDue = null;
        startRound(event.leadUnit, at);
        break;
      case 'unit_accepted':
        if (r && !r.response) judge('response', r.unit, at, true);
        if (r) r.response = true;
        break;
      case 'unit_returned':
        if (r && !r.response) judge('response', r.unit, at, true);
        round = null;
        startWait(at);
        break;
      case 'unit_feedback':
        if (r && !r.feedback) judge('onTimeFeedback', r.unit, at, true);
        if (r) r.feedback = r.reportedBack = true;
        break;
      case 'extension_requested':
        if (r) r.askedHours = event.hours;
        break;
      case 'extension_decided':
        if (r && event.approved && r.due !== null) r.due += r.askedHours * 60 * minutes;
        if (r) r.askedHours = 0;
        break;
      case 'callback_recorded': {
        if (!r) break;
        const met = satisfied(event.satisfaction);
        judge('satisfaction', r.unit, at, met);
        if (r.reportedBack) judge('resolution', r.unit, at, met);
        round = null;
        if (!met) startRound(r.unit, at);
        break;
      }
      case 'closed':
        if (r?.reportedBack && event.resolution === 'resolved') judge('resolution', r.unit, at, true);
        round = null;
        waitDue = null;
        break;
    }
  }
  expire(now);
  return out;
}

/** What of a ticket event bears on a rate (null: nothing), as the server reads it from its events. */
export function rateEventOf(event: TicketEvent): RateEvent | null {
  const { at } = event;
  switch (event.type) {
    case 'created':
    case 'reopened':
    case 'unit_accepted':
    case 'unit_returned':
    case 'unit_feedback':
      return { at, type: event.type };
    case 'dispatched':
      return { at, type: event.type, leadUnit: event.payload.leadUnitCode };
    case 'extension_requested':
      return { at, type: event.type, hours: event.payload.hours };
    case 'extension_decided':
      return { at, type: event.type, approved: event.payload.approved };
    case 'callback_recorded':
      return { at, type: event.type, satisfaction: event.payload.satisfaction };
    case 'closed':
      return { at, type: event.type, resolution: event.payload.resolution };
    default:
      return null;
  }
}
