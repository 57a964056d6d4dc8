import { z } from 'zod';
import { plainText } from '../domain/plain-text';
import { ticketStatusSchema } from '../domain/ticket';
import { wireDateTime } from '../domain/wire-time';
import { presenceStates } from './presence';

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
  /** Tickets registered in each hour of today (centre time), and the mean for that hour over the 7 days before. */
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

export const rateRowSchema = z.strictObject({
  key: z.string(),
  dispatched: z.number().int(),
  accepted: z.number().int(),
  reportedBack: z.number().int(),
  resolved: z.number().int(),
  callbacks: z.number().int(),
  satisfied: z.number().int(),
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type RateRow = z.infer<typeof rateRowSchema>;
export const ratesResponseSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  by: z.enum(rateGroupings),
  rows: z.array(rateRowSchema),
});

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
