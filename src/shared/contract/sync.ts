import { z } from 'zod';
import { defineCall } from './define';

/**
 * `not_configured`: no server address is set, so the workstation works alone.
 * The other states arrive with the sync engine.
 */
export const connectionStates = ['not_configured', 'online', 'syncing', 'unreachable', 'signed_out'] as const;

export const syncStatusSchema = z.strictObject({
  connection: z.enum(connectionStates),
  outboxSize: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncCalls = {
  status: defineCall({
    doc: 'Connection state, events waiting for the server, and the last successful sync.',
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
};
