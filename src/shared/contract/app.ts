import { z } from 'zod';
import { workstationCodeSchema } from '../domain/provisional-number';
import { defineCall } from './define';

export const hostKinds = ['electron', 'web'] as const;

export const appCalls = {
  info: defineCall({
    doc: 'Version and identity of this workstation, and which host runs the core.',
    whileLocked: true,
    whileSignedOut: true,
    input: z.strictObject({}),
    output: z.strictObject({
      version: z.string(),
      workstationId: z.string(),
      workstationCode: workstationCodeSchema,
      host: z.enum(hostKinds),
    }),
  }),
};
