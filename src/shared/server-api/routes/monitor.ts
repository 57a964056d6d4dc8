import { z } from 'zod';
import {
  incidentResponseSchema,
  incidentSchema,
  monitorSnapshotSchema,
  monitorSummarySchema,
  rankingQuerySchema,
  rankingResponseSchema,
  ratesQuerySchema,
  ratesResponseSchema,
} from '../monitor';
import { answerHandSchema, handAnsweredSchema } from '../presence';
import { defineRoute } from '../route';

const leads = ['lead', 'admin'] as const;

/** Team leads' view of the centre: a snapshot, then deltas over /api/live; rates; incidents. */
export const monitorRoutes = {
  snapshot: defineRoute({
    method: 'GET',
    path: '/api/monitor/snapshot',
    summary: 'Open tickets with deadlines, agents, waiting calls and hot spots, as of one event head',
    access: leads,
    responses: { 200: monitorSnapshotSchema },
  }),
  rates: defineRoute({
    method: 'GET',
    path: '/api/monitor/rates',
    summary: 'Response, on-time feedback, resolution, satisfaction and on-time dispatch rates per unit or district, decided in [from, to)',
    access: leads,
    query: ratesQuerySchema,
    responses: { 200: ratesResponseSchema },
  }),
  ranking: defineRoute({
    method: 'GET',
    path: '/api/monitor/ranking',
    summary: "A month's ranking (考核) of units and districts by their rates, and the category × street problems that kept coming back",
    access: leads,
    query: rankingQuerySchema,
    responses: { 200: rankingResponseSchema },
  }),
  rankingCsv: defineRoute({
    method: 'GET',
    path: '/api/monitor/ranking.csv',
    summary: "The month's ranking as CSV (UTF-8 with BOM): units, then districts",
    access: leads,
    query: rankingQuerySchema,
    responses: { 200: z.string() },
    produces: 'text/csv; charset=utf-8',
  }),
  ratesCsv: defineRoute({
    method: 'GET',
    path: '/api/monitor/rates.csv',
    summary: 'The same rates as CSV (UTF-8 with BOM)',
    access: leads,
    query: ratesQuerySchema,
    responses: { 200: z.string() },
    produces: 'text/csv; charset=utf-8',
  }),
  incident: defineRoute({
    method: 'POST',
    path: '/api/monitor/incidents',
    summary: 'Links a cluster of tickets to one incident (a burst main, a power cut)',
    access: leads,
    body: incidentSchema,
    responses: { 201: incidentResponseSchema },
  }),
  answerHand: defineRoute({
    method: 'POST',
    path: '/api/monitor/help/answer',
    summary:
      "Answers an agent's raised hand (the one raised longest ago, unless a username is given): it comes down on every monitor, and the agent is told which lead is coming",
    access: leads,
    body: answerHandSchema,
    responses: { 200: handAnsweredSchema },
  }),
  summary: defineRoute({
    method: 'GET',
    path: '/api/monitor/summary',
    summary: 'Ticket counts and agent presence',
    access: leads,
    responses: { 200: monitorSummarySchema },
  }),
};
