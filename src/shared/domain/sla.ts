import type { ReferenceLookup, SlaClass } from './reference';
import type { Ticket } from './ticket';
import { type WorkingCalendar, workingCalendar, workingDaysDeadline } from './working-calendar';

export type { SlaClass };

/**
 * Time limits (Beijing's DB11 standard; docs/architecture.md): the hotline must dispatch within the
 * policy's dispatch time of registering (or of a unit returning the ticket), and the unit must
 * report back within its feedback time of the dispatch, plus any extension granted. Limits in
 * minutes are elapsed time, so a deadline is the same instant in every time zone, across days,
 * months, years and daylight-saving changes alike. A feedback limit in working days instead ends at
 * 24:00 of the last of them in the centre's calendar (src/shared/domain/working-calendar.ts); the
 * extension hours are still added to it as elapsed time.
 */
export interface SlaPolicy {
  dispatchMinutes: number;
  feedbackMinutes: number;
  /** When set, the feedback limit is this many working days of the calendar, not feedbackMinutes. */
  feedbackWorkingDays?: { days: number; calendar: WorkingCalendar };
}

export type SlaState = 'on_time' | 'at_risk' | 'overdue';

export interface SlaClock {
  /** Whose move it is: the hotline's (dispatch) or the unit's (feedback). */
  stage: 'dispatch' | 'feedback';
  startedAt: string;
  dueAt: string;
  /** Negative once overdue. */
  msLeft: number;
  state: SlaState;
}

/** A clock is at risk once this share of its window is left (and overdue below zero). */
export const atRiskShare = 0.25;

/** The policy class of a ticket: its category's, but an emergency call is always an emergency. */
export function slaClassOf(ticket: { fields: Pick<Ticket['fields'], 'urgency'> }, categoryClass: SlaClass | null | undefined): SlaClass {
  if (ticket.fields.urgency === 'emergency') return 'emergency';
  return categoryClass ?? 'general';
}

/** The kinds a ticket's time limits are read from: categories' classes, policies, the working calendar. */
export const slaReferenceKinds = ['category', 'slaPolicy', 'calendarDay'] as const;

/** Reads one reference item's body (categories carry their SLA class, policies their limits, calendar days whether worked). */
export type ReferenceBody = ReferenceLookup<(typeof slaReferenceKinds)[number]>;

/**
 * The time limits for a ticket from reference data, or null when its policy is not known yet.
 * `timeZone` is the centre's: the one its working days are counted in.
 */
export function slaPolicyFrom(
  ticket: { fields: Pick<Ticket['fields'], 'category' | 'urgency'> },
  body: ReferenceBody,
  timeZone: string,
): SlaPolicy | null {
  const categoryClass = ticket.fields.category ? body('category', ticket.fields.category)?.sla : undefined;
  const policy = body('slaPolicy', slaClassOf(ticket, categoryClass));
  if (!policy) return null;
  const limits: SlaPolicy = { dispatchMinutes: policy.dispatchMinutes, feedbackMinutes: policy.feedbackMinutes };
  if (policy.feedbackWorkingDays !== undefined)
    limits.feedbackWorkingDays = { days: policy.feedbackWorkingDays, calendar: workingCalendar(timeZone, body) };
  return limits;
}

const minuteMs = 60_000;

/** When the unit's feedback limit of a round started at `startedAt` runs out (epoch ms), before any extension. */
export function feedbackDue(policy: SlaPolicy, startedAt: string | number): number {
  const start = typeof startedAt === 'number' ? startedAt : Date.parse(startedAt);
  const working = policy.feedbackWorkingDays;
  return working ? workingDaysDeadline(start, working.days, working.calendar) : start + policy.feedbackMinutes * minuteMs;
}

/** Where a clock stands at `now`, from its start and deadline. */
export function clockAt(startedAt: string, dueAt: string, now: Date): { msLeft: number; state: SlaState } {
  const window = Date.parse(dueAt) - Date.parse(startedAt);
  const msLeft = Date.parse(dueAt) - now.getTime();
  return { msLeft, state: msLeft < 0 ? 'overdue' : msLeft <= window * atRiskShare ? 'at_risk' : 'on_time' };
}

/** The running clock of a ticket, or null when none runs (the unit has reported back, or it is closed). */
export function slaClock(
  ticket: Pick<Ticket, 'status' | 'createdAt' | 'dispatchedAt' | 'returnedAt' | 'extensionHours'>,
  policy: SlaPolicy,
  now: Date,
): SlaClock | null {
  let stage: SlaClock['stage'];
  let startedAt: string;
  let due: number;
  switch (ticket.status) {
    case 'registered':
    case 'returned':
      stage = 'dispatch';
      startedAt = ticket.status === 'returned' && ticket.returnedAt ? ticket.returnedAt : ticket.createdAt;
      due = Date.parse(startedAt) + policy.dispatchMinutes * minuteMs;
      break;
    case 'dispatched':
    case 'accepted':
    case 'in_progress':
      if (!ticket.dispatchedAt) return null;
      stage = 'feedback';
      startedAt = ticket.dispatchedAt;
      due = feedbackDue(policy, startedAt) + ticket.extensionHours * 60 * minuteMs;
      break;
    default:
      return null;
  }
  const dueAt = new Date(due).toISOString();
  return { stage, startedAt, dueAt, ...clockAt(startedAt, dueAt, now) };
}

export const durationUnits = ['d', 'h', 'min'] as const;
export type DurationUnit = (typeof durationUnits)[number];

/** A duration in whole units, largest first, for the UI to put into words: `2 h 05 min` / `2 时 05 分`. */
export interface DurationParts {
  /** Negative: how long overdue. */
  negative: boolean;
  parts: { unit: DurationUnit; value: number }[];
}

/** The two largest units that matter (days and hours, hours and minutes, or minutes), for countdowns. */
export function formatDuration(ms: number): DurationParts {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts: DurationParts['parts'] =
    d > 0
      ? [
          { unit: 'd', value: d },
          { unit: 'h', value: h },
        ]
      : h > 0
        ? [
            { unit: 'h', value: h },
            { unit: 'min', value: m },
          ]
        : [{ unit: 'min', value: m }];
  return { negative: ms < 0, parts };
}
