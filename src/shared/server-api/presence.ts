import { z } from 'zod';
import { plainTextCheck } from '../domain/plain-text';

/** What an agent is doing, as the workstation reports it (the server adds `disconnected`). */
export const presenceStates = ['available', 'on_call', 'wrap_up', 'break', 'disconnected'] as const;
export type PresenceState = (typeof presenceStates)[number];

/** A reference item's code as a client may send one. */
export const referenceCode = z.string().min(1).max(64).check(plainTextCheck);

/** Beside the state: why the agent is on a break, and a raised hand with who answered it. */
export const agentStateFields = {
  /** The break reason's code while on a break, else null. */
  reason: z.string().nullable(),
  /** Since when the agent's hand is raised for help; null when it is not. */
  helpSince: z.string().nullable(),
  /** The lead who answered the agent's last raised hand (display name), until the hand is raised again. */
  helpAnsweredBy: z.string().nullable(),
};

/** Seconds an agent spent in each state today (disconnected is not counted). */
export const stateSecondsSchema = z.strictObject({
  available: z.number().nonnegative(),
  on_call: z.number().nonnegative(),
  wrap_up: z.number().nonnegative(),
  break: z.number().nonnegative(),
});
export type StateSeconds = z.infer<typeof stateSecondsSchema>;

/** Whose raised hand a lead answers; without a username, the hand raised longest ago. */
export const answerHandSchema = z.strictObject({ username: z.string().min(1).max(64).check(plainTextCheck).optional() });
export const handAnsweredSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  answeredBy: z.string(),
  raisedAt: z.string(),
});
export type HandAnswered = z.infer<typeof handAnsweredSchema>;
