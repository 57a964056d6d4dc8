import { z } from 'zod';
import { plainText } from '../domain/plain-text';

/**
 * Phone-switch events in the generic CTI shape open helpdesks accept (one POST per event to
 * `/api/cti/{token}`, JSON or form-encoded with `user[]` repeated). Fields we do not use are ignored,
 * as switches add their own; the ones we use are checked.
 */
export const hangupCauses = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'] as const;
export const ctiEventNames = ['newCall', 'answer', 'hangup'] as const;

const number = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[+\d\s\-().#*a-zA-Z]+$/, 'must be a phone number or extension');

export const ctiEventSchema = z
  .object({
    event: z.enum(ctiEventNames),
    from: number,
    to: number,
    direction: z.enum(['in', 'out']),
    callId: plainText(128).min(1),
    // One name on `answer`, the list of ringing agents on `newCall`; a lone string is a list of one.
    user: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(plainText(64).min(1)).max(100)).optional(),
    queue: plainText(64).optional(),
    answeringNumber: plainText(40).optional(),
    cause: z.enum(hangupCauses).optional(),
  })
  .refine((e) => e.event !== 'hangup' || e.cause !== undefined, { message: 'a hangup needs a cause', path: ['cause'] });
export type CtiEvent = z.infer<typeof ctiEventSchema>;

export const callStates = ['ringing', 'answered', 'ended'] as const;

/** A call as the server keeps it and pushes it to the agents it concerns. */
export const callSchema = z.strictObject({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  from: z.string(),
  to: z.string(),
  queue: z.string().nullable(),
  state: z.enum(callStates),
  users: z.array(z.string()),
  answeredBy: z.string().nullable(),
  cause: z.enum(hangupCauses).nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type Call = z.infer<typeof callSchema>;

export const ctiResponseSchema = z.strictObject({ call: callSchema });

export const newSwitchSchema = z.strictObject({ name: plainText(64).min(1) });
export const switchTokenSchema = z.strictObject({ id: z.string(), name: z.string(), token: z.string() });

/** The code an agent sums a call up with at hang-up: one of the centre's `wrapup` reference items. */
export const wrapUpBodySchema = z.strictObject({ code: plainText(64).min(1) });
export const wrapUpResponseSchema = z.strictObject({ callId: z.string(), code: z.string(), at: z.string() });
