import { z } from 'zod';
import { defineCall } from './define';

/**
 * `not_configured`: no server address is set, so the workstation works alone; `signed_out`: a
 * server is set but no agent session is live; `syncing` / `online`: talking to it; `unreachable`:
 * the last try failed and the next is scheduled (work goes on offline).
 */
export const connectionStates = ['not_configured', 'online', 'syncing', 'unreachable', 'signed_out'] as const;

export const syncStatusSchema = z.strictObject({
  connection: z.enum(connectionStates),
  outboxSize: z.number().int().nonnegative(),
  /** Changes the server refused that the agent has not dealt with yet. */
  rejected: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  /** While a new cache is being filled: tickets stored so far of those in its scope. */
  bootstrap: z.strictObject({ loaded: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncCalls = {
  status: defineCall({
    doc: 'Connection state, events waiting for the server, and the last successful sync.',
    whileLocked: true, // the status bar stays up on the lock screen: the outbox still drains
    whileSignedOut: true, // counts and the connection state, nothing about anyone
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
  now: defineCall({
    doc: 'Syncs at once instead of waiting for the next round.',
    input: z.strictObject({}),
    output: syncStatusSchema,
  }),
};
