import { z } from 'zod';
import { noticeIdSchema, noticesInForceSchema, noticeWithdrawnSchema } from '../server-api/notices';
import { defineCall } from './define';

/** The leads' notices on every status bar. */
export const noticesCalls = {
  current: defineCall({
    doc: 'The notices in force, newest first, as this workstation last heard them (empty when nobody is signed in).',
    whileLocked: true,
    input: z.strictObject({}),
    output: noticesInForceSchema,
  }),
  withdraw: defineCall({
    doc: "Withdraws a notice from every agent's status bar before it expires (leads; online only).",
    input: noticeIdSchema,
    output: noticeWithdrawnSchema,
  }),
};
