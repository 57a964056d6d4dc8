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
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const authCalls = {
  signIn: defineCall({
    doc: 'Signs the agent in to the central server; the session stays in the workstation core.',
    input: z.strictObject({ username: usernameSchema, password: z.string().min(1).max(256) }),
    output: signedInUserSchema,
  }),
  signOut: defineCall({
    doc: 'Forgets the session on this workstation. Unsent work stays in the outbox.',
    input: z.strictObject({}),
    output: z.strictObject({ signedOut: z.literal(true) }),
  }),
  current: defineCall({
    doc: 'The signed-in agent, or null.',
    input: z.strictObject({}),
    output: signedInUserSchema.nullable(),
  }),
};
