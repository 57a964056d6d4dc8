import { z } from 'zod';
import { plainText } from '../domain/plain-text';
import { ticketStatusSchema } from '../domain/ticket';
import { wireDateTime } from '../domain/wire-time';
import { agentStateFields, presenceStates, stateSecondsSchema } from './presence';

/**
 * The team lead's monitor: one snapshot when it opens, then deltas over the live socket
 * (open tickets as they change, presence, calls). Time-driven changes (a ticket turning at risk)
 * are computed on the screen from the deadlines, every second, without any message.
 */
export const monitorTicketSchema = z.strictObject({
  id: z.string(),
  /** The ticket's last event: of two copies, the monitor keeps the later. */
  seq: z.number().int().nonnegative(),
  number: z.string(),
  status: ticketStatusSchema,
  category: z.string().nullable(),
  urgency: z.enum(['normal', 'urgent', 'emergency']),
  districtCode: z.string().nullable(),
  streetCode: z.string().nullable(),
  leadUnit: z.string().nullable(),
  createdAt: z.string(),
  /** Who registered it (username), for agents' tickets today. */
  createdBy: z.string(),
  dueStage: z.enum(['dispatch', 'feedback']).nullable(),
  dueStartedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  incidentId: z.string().nullable(),
  /** How often a lead urged the unit on it (督办). */
  urgedCount: z.number().int().nonnegative().default(0),
});
export type MonitorTicket = z.infer<typeof monitorTicketSchema>;

export const monitorAgentSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['agent', 'lead']),
  state: z.enum(presenceStates),
  since: z.string().nullable(),
  /** When the call the agent is on was answered, or null. */
  callSince: z.string().nullable(),
  ticketsToday: z.number().int().nonnegative(),
  callsToday: z.number().int().nonnegative(),
  /** Average handle time of today's answered calls, seconds; null before the first. */
  ahtSeconds: z.number().nonnegative().nullable(),
  ...agentStateFields,
  /** Time in each state today, up to the snapshot's `at`. */
  today: stateSecondsSchema,
});
export type MonitorAgent = z.infer<typeof monitorAgentSchema>;

export const waitingCallSchema = z.strictObject({ id: z.string(), queue: z.string().nullable(), from: z.string(), startedAt: z.string() });

export const heatCellSchema = z.strictObject({
  category: z.string(),
  districtCode: z.string(),
  /** Tickets in the last 24 hours. */
  count: z.number().int(),
  /** The mean for the same 24 hours on the 7 days before. */
  baseline: z.number(),
  spike: z.boolean(),
  ticketIds: z.array(z.string()),
});
export type HeatCell = z.infer<typeof heatCellSchema>;

export const monitorSnapshotSchema = z.strictObject({
  at: z.string(),
  /** The event sequence the snapshot reflects; deltas after it follow. */
  head: z.number().int().nonnegative(),
  tickets: z.array(monitorTicketSchema),
  agents: z.array(monitorAgentSchema),
  waiting: z.array(waitingCallSchema),
  /** Tickets registered in each hour of today (centre time), and the usual for that hour: the mean over the same weekday of the 4 weeks before. */
  intakeByHour: z.array(z.strictObject({ hour: z.number().int().min(0).max(23), today: z.number().int(), baseline: z.number() })),
  heat: z.array(heatCellSchema),
});
export type MonitorSnapshot = z.infer<typeof monitorSnapshotSchema>;

export const rateGroupings = ['unit', 'district'] as const;
export const ratesQuerySchema = z.strictObject({
  from: wireDateTime({ offset: true }),
  to: wireDateTime({ offset: true }),
  by: z.enum(rateGroupings),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The five rates, in the order the monitor, the CSV and the ranking show them (src/shared/domain/rates.ts defines them). */
export const rateNames = ['response', 'onTimeFeedback', 'resolution', 'satisfaction', 'onTimeDispatch'] as const;
export type RateName = (typeof rateNames)[number];

/** One rate: `met` of `of` judged items; `rate` is null when nothing was judged (shown "—"), else met ÷ of, never above 1. */
export const rateSchema = z.strictObject({
  met: z.number().int().nonnegative(),
  of: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});
export type Rate = z.infer<typeof rateSchema>;

export const rateRowSchema = z.strictObject({
  /** A unit code, a district code ('unknown' when the ticket has none), or 'total' for the whole centre. */
  key: z.string(),
  response: rateSchema,
  onTimeFeedback: rateSchema,
  resolution: rateSchema,
  satisfaction: rateSchema,
  onTimeDispatch: rateSchema,
});
export type RateRow = z.infer<typeof rateRowSchema>;
export const ratesResponseSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  by: z.enum(rateGroupings),
  rows: z.array(rateRowSchema),
  /** The whole centre over the same period. */
  total: rateRowSchema,
});

/** A month of the centre's calendar, e.g. 2026-11. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11');
export const rankingQuerySchema = z.strictObject({ month: monthSchema });

export const rankedRowSchema = rateRowSchema.extend({
  /** The mean of the row's rates that have something to judge; null when none has. */
  score: z.number().min(0).max(1).nullable(),
  /** 1 for the best score; rows without a score come last, unranked. */
  rank: z.number().int().positive().nullable(),
});
export type RankedRow = z.infer<typeof rankedRowSchema>;

/** A category on a street that kept coming back in the month: a candidate for the centre's topic of the month. */
export const recurringProblemSchema = z.strictObject({
  category: z.string(),
  streetCode: z.string(),
  districtCode: z.string().nullable(),
  tickets: z.number().int().positive(),
  /** In how many of the month's weeks (day 1–7, 8–14, …) it came up. */
  weeks: z.number().int().positive(),
});
export type RecurringProblem = z.infer<typeof recurringProblemSchema>;

export const rankingResponseSchema = z.strictObject({
  month: monthSchema,
  from: z.string(),
  to: z.string(),
  units: z.array(rankedRowSchema),
  districts: z.array(rankedRowSchema),
  problems: z.array(recurringProblemSchema),
});
export type Ranking = z.infer<typeof rankingResponseSchema>;

export const incidentSchema = z.strictObject({
  title: plainText(200).min(1),
  ticketIds: z.array(z.uuid()).min(1).max(1000),
});
export const incidentResponseSchema = z.strictObject({ id: z.string(), linked: z.number().int() });

export const monitorSummarySchema = z.object({
  byStatus: z.record(z.string(), z.number()),
  openByDistrict: z.record(z.string(), z.number()),
  agents: z.array(z.object({ userId: z.string(), displayName: z.string(), state: z.enum(presenceStates), since: z.string() })),
});
