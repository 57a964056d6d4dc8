import { z } from 'zod';
import { roleSchema, usernameSchema } from '../server-api/auth';
import { defineCall } from './define';

/** Who is signed in on this workstation, as the UI may know it: never the token. */
export const signedInUserSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** False once the server refused the session: the agent must type the password again. */
  sessionLive: z.boolean(),
  /** The screen is locked: nothing but unlock and sign out is answered until the password is typed. */
  locked: z.boolean(),
  /** Idle minutes before the screen locks itself; 0 = never (set by the operator, HOTLINE_LOCK_MINUTES). */
  lockAfterMinutes: z.number().int().min(0),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const authCalls = {
  signIn: defineCall({
    doc: 'Signs the agent in to the central server; the session stays in the workstation core.',
    whileSignedOut: true,
    input: z.strictObject({ username: usernameSchema, password: z.string().min(1).max(256) }),
    output: signedInUserSchema,
  }),
  signOut: defineCall({
    doc: 'Ends the session here and on the server, wiping its token. Unsent work stays in the outbox.',
    whileLocked: true,
    whileSignedOut: true,
    input: z.strictObject({}),
    output: z.strictObject({ signedOut: z.literal(true) }),
  }),
  current: defineCall({
    doc: 'The signed-in agent, or null.',
    whileLocked: true,
    whileSignedOut: true,
    input: z.strictObject({}),
    output: signedInUserSchema.nullable(),
  }),
  lock: defineCall({
    doc: 'Locks the screen (the agent walks away, or was idle too long). Kept across restarts.',
    input: z.strictObject({}),
    output: signedInUserSchema,
  }),
  unlock: defineCall({
    doc: 'Unlocks with the signed-in agent’s password, checked here, so it works offline too; a session the server ended is signed in again.',
    whileLocked: true,
    whileSignedOut: true,
    input: z.strictObject({ password: z.string().min(1).max(256) }),
    output: signedInUserSchema,
  }),
};
