import { z } from 'zod';
import { callSchema } from './cti';

/**
 * The live WebSocket (`/api/live`): hints and presence only. Losing it loses no data: pull is the
 * source of truth, a hint just says "pull now".
 */
export const presenceStates = ['available', 'on_call', 'wrap_up', 'break', 'disconnected'] as const;
export const presenceStateSchema = z.enum(presenceStates);

export const liveClientMessageSchema = z.discriminatedUnion('type', [
  /** Must be the first message; the token is not put in the URL, where logs would keep it. */
  z.strictObject({ type: z.literal('hello'), token: z.string().min(1).max(200), workstationId: z.string().max(64).optional() }),
  z.strictObject({ type: z.literal('presence'), state: presenceStateSchema }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

export const liveServerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('welcome'), head: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('events'), head: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal('presence'),
    userId: z.string(),
    state: presenceStateSchema,
    since: z.string(),
  }),
  z.strictObject({ type: z.literal('call'), call: callSchema }),
  z.strictObject({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
