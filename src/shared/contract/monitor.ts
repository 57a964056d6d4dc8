import { z } from 'zod';
import { wireDateTime } from '../domain/wire-time';
import {
  incidentResponseSchema,
  incidentSchema,
  monitorSnapshotSchema,
  rankingQuerySchema,
  rankingResponseSchema,
  rateGroupings,
  ratesResponseSchema,
} from '../server-api/monitor';
import { noticeSchema } from '../server-api/notices';
import { answerHandSchema, handAnsweredSchema } from '../server-api/presence';
import { defineCall } from './define';

const period = z
  .strictObject({ from: wireDateTime({ offset: true }), to: wireDateTime({ offset: true }), by: z.enum(rateGroupings) })
  .refine((p) => Date.parse(p.from) < Date.parse(p.to), { message: 'the period must end after it starts', path: ['to'] });

/** The team lead's monitor, read from the central server (online only, role lead or admin). */
export const monitorCalls = {
  snapshot: defineCall({
    doc: 'Open tickets with deadlines, agents, waiting calls and hot spots; monitor.changed brings what changes next.',
    input: z.strictObject({}),
    output: monitorSnapshotSchema,
  }),
  rates: defineCall({
    doc: 'Response, on-time feedback, resolution, satisfaction and on-time dispatch rates per unit or district for a period, and the total.',
    input: period,
    output: ratesResponseSchema,
  }),
  ratesCsv: defineCall({
    doc: 'The same rates as a CSV file (UTF-8 with BOM) and its file name.',
    input: period,
    output: z.strictObject({ filename: z.string(), csv: z.string() }),
  }),
  ranking: defineCall({
    doc: "A month's ranking of units and districts by their rates, and its recurring category × street problems.",
    input: rankingQuerySchema,
    output: rankingResponseSchema,
  }),
  rankingCsv: defineCall({
    doc: "The month's ranking as a CSV file (UTF-8 with BOM) and its file name.",
    input: rankingQuerySchema,
    output: z.strictObject({ filename: z.string(), csv: z.string() }),
  }),
  notice: defineCall({
    doc: "Broadcasts a short notice to every agent's status bar, where it stays until it expires.",
    input: noticeSchema,
    output: z.strictObject({ sentAt: z.string(), expiresAt: z.string() }),
  }),
  answerHand: defineCall({
    doc: "Answers an agent's raised hand (the one raised longest ago without a username); the agent sees which lead is coming.",
    input: answerHandSchema,
    output: handAnsweredSchema,
  }),
  linkIncident: defineCall({
    doc: 'Links a cluster of tickets (a hot spot) to one incident.',
    input: incidentSchema,
    output: incidentResponseSchema,
  }),
};
