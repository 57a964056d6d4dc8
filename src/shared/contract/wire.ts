import { z } from 'zod';
import { envelopeSchema } from '../result';

export { ipcChannels } from './bridge';

/** What the preload sends over `ipcChannels.invoke`. */
export const invokeRequestSchema = z.strictObject({
  call: z.string().min(1).max(100),
  input: z.unknown().optional(),
});

/** Pushed event frame, the same over IPC and WebSocket. */
export const eventFrameSchema = z.strictObject({
  event: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type EventFrame = z.infer<typeof eventFrameSchema>;

/** Browser host WebSocket: client → core. */
export const wsClientMessageSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  call: z.string().min(1).max(100),
  input: z.unknown().optional(),
});
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

/** Browser host WebSocket: core → client. */
export const wsServerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), id: z.number().int().nonnegative(), result: envelopeSchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** A frame that could not be read at all, so there is no id to answer to. */
  z.strictObject({ type: z.literal('error'), result: envelopeSchema }),
]);
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;

/** The browser host's WebSocket path. */
export const wsPath = '/api/ws';
