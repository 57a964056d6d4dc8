import { z } from 'zod';
import { idSchema } from '../domain/ids';
import type { EventsShape } from './define';
import { signedInUserSchema } from './auth';
import { uiSettingsSchema } from './settings';
import { syncStatusSchema } from './sync';

/** Everything the core pushes to the UI without being asked. */
export const pushedEvents = {
  sync: { status: syncStatusSchema },
  tickets: { changed: z.strictObject({ ids: z.array(idSchema) }) },
  settings: { changed: uiSettingsSchema },
  auth: { changed: signedInUserSchema.nullable() },
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
