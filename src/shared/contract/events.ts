import { z } from 'zod';
import { idSchema } from '../domain/ids';
import type { EventsShape } from './define';
import { signedInUserSchema } from './auth';
import { uiSettingsSchema } from './settings';
import { syncStatusSchema } from './sync';
import { loggedCallSchema } from './calls';
import { callSchema } from '../server-api/cti';
import { monitorTicketSchema } from '../server-api/monitor';
import { presenceStateSchema } from '../server-api/live';
import { agentStateFields } from '../server-api/presence';
import { presenceViewSchema } from './presence';
import { noticesInForceSchema } from '../server-api/notices';

/** Everything the core pushes to the UI without being asked. */
export const pushedEvents = {
  sync: { status: syncStatusSchema },
  tickets: { changed: z.strictObject({ ids: z.array(idSchema) }) },
  settings: { changed: uiSettingsSchema },
  auth: { changed: signedInUserSchema.nullable() },
  /** A call ringing, answered or ended on this agent's phone: the screen-pop comes from here. */
  calls: { changed: loggedCallSchema },
  /** Reference data arrived or changed; pickers reload. */
  reference: { changed: z.strictObject({ count: z.number().int().nonnegative() }) },
  /** For a lead's monitor: tickets as they change, agents' presence, every call (queues, handle times). */
  monitor: {
    changed: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('tickets'), tickets: z.array(monitorTicketSchema) }),
      z.strictObject({
        kind: z.literal('presence'),
        username: z.string(),
        state: presenceStateSchema,
        since: z.string(),
        ...agentStateFields,
      }),
      z.strictObject({ kind: z.literal('call'), call: callSchema }),
    ]),
  },
  /** The leads' notices in force changed (one sent, withdrawn, or all read again): every status bar shows them. */
  notices: { changed: noticesInForceSchema },
  presence: { changed: presenceViewSchema },
} satisfies EventsShape;

export type PushedEvents = typeof pushedEvents;
export type PushedEventName = {
  [D in keyof PushedEvents]: `${D}.${keyof PushedEvents[D] & string}`;
}[keyof PushedEvents];
export type PushedPayload<N extends PushedEventName> = N extends `${infer D}.${infer E}`
  ? D extends keyof PushedEvents
    ? E extends keyof PushedEvents[D]
      ? PushedEvents[D][E] extends z.ZodType
        ? z.output<PushedEvents[D][E]>
        : never
      : never
    : never
  : never;

/**
 * The only events a UI nobody is signed in to receives: who is signed in, the connection and the
 * UI's own settings. Everything else can carry citizens' data, or tells the UI to go and read it.
 */
export const pushedWhileSignedOut: ReadonlySet<PushedEventName> = new Set<PushedEventName>([
  'auth.changed',
  'sync.status',
  'settings.changed',
]);
