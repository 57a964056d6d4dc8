import { z } from 'zod';
import { plainTextCheck } from '../domain/plain-text';
import { callSchema } from './cti';
import { monitorTicketSchema } from './monitor';
import { noticeViewSchema } from './notices';
import { agentStateFields, presenceStates, referenceCode } from './presence';

/**
 * The live WebSocket (`/api/live`): hints, calls, presence, monitor deltas and notices. Losing it
 * loses no data: pull is the source of truth, a hint just says "pull now".
 */
export { presenceStates };
export const presenceStateSchema = z.enum(presenceStates);

export const liveClientMessageSchema = z.discriminatedUnion('type', [
  /** Must be the first message; the token is not put in the URL, where logs would keep it. */
  z.strictObject({
    type: z.literal('hello'),
    token: z.string().min(1).max(200),
    workstationId: z.string().max(64).check(plainTextCheck).optional(),
  }),
  /** `reason`: a break reason's code (reference data), given with `break` and only then. */
  z.strictObject({ type: z.literal('presence'), state: presenceStateSchema, reason: referenceCode.optional() }),
  /** The agent raises a hand for a lead's help, or lowers it. */
  z.strictObject({ type: z.literal('help'), raised: z.boolean() }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

export const liveServerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('welcome'), head: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('events'), head: z.number().int().nonnegative() }),
  /** To everyone: reference data was written up to `version`; a cache behind it pulls now. */
  z.strictObject({ type: z.literal('reference'), version: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal('presence'),
    userId: z.string(),
    username: z.string(),
    state: presenceStateSchema,
    since: z.string(),
    ...agentStateFields,
  }),
  z.strictObject({ type: z.literal('call'), call: callSchema }),
  /** To leads: open tickets as they change (closed ones too, so the monitor drops them). */
  z.strictObject({ type: z.literal('monitor_tickets'), tickets: z.array(monitorTicketSchema) }),
  /** To everyone: a lead's notice for the status bar, until it expires. */
  z.strictObject({ type: z.literal('notice'), notice: noticeViewSchema }),
  /** To everyone: a lead withdrew a notice before it expired. */
  z.strictObject({ type: z.literal('notice_withdrawn'), id: z.string() }),
  z.strictObject({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
