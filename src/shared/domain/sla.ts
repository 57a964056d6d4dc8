import type { ReferenceLookup, SlaClass } from './reference';
import type { Ticket } from './ticket';

export type { SlaClass };

/**
 * Time limits (Beijing's DB11 standard; docs/architecture.md): the hotline must dispatch within the
 * policy's dispatch time of registering (or of a unit returning the ticket), and the unit must
 * report back within its feedback time of the dispatch, plus any extension granted. Limits are
 * elapsed time, so a deadline is the same instant in every time zone, across days, months, years
 * and daylight-saving changes alike.
 */
export interface SlaPolicy {
  dispatchMinutes: number;
  feedbackMinutes: number;
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

/** Reads one reference item's body (categories carry their SLA class, policies their minutes). */
export type ReferenceBody = ReferenceLookup<'category' | 'slaPolicy'>;

/** The time limits for a ticket from reference data, or null when its policy is not known yet. */
export function slaPolicyFrom(ticket: { fields: Pick<Ticket['fields'], 'category' | 'urgency'> }, body: ReferenceBody): SlaPolicy | null {
  const categoryClass = ticket.fields.category ? body('category', ticket.fields.category)?.sla : undefined;
  const policy = body('slaPolicy', slaClassOf(ticket, categoryClass));
  return policy ? { dispatchMinutes: policy.dispatchMinutes, feedbackMinutes: policy.feedbackMinutes } : null;
}

const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

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
  let window: number;
  switch (ticket.status) {
    case 'registered':
    case 'returned':
      stage = 'dispatch';
      startedAt = ticket.status === 'returned' && ticket.returnedAt ? ticket.returnedAt : ticket.createdAt;
      window = policy.dispatchMinutes;
      break;
    case 'dispatched':
    case 'accepted':
    case 'in_progress':
      if (!ticket.dispatchedAt) return null;
      stage = 'feedback';
      startedAt = ticket.dispatchedAt;
      window = policy.feedbackMinutes + ticket.extensionHours * 60;
      break;
    default:
      return null;
  }
  const dueAt = addMinutes(startedAt, window);
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
