import { z } from 'zod';
import { idSchema } from '../domain/ids';
import type { EventsShape } from './define';
import { signedInUserSchema } from './auth';
import { uiSettingsSchema } from './settings';
import { syncStatusSchema } from './sync';
import { loggedCallSchema } from './calls';

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
