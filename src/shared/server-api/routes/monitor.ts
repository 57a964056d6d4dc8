import { z } from 'zod';
import {
  incidentResponseSchema,
  incidentSchema,
  monitorSnapshotSchema,
  monitorSummarySchema,
  ratesQuerySchema,
  ratesResponseSchema,
} from '../monitor';
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
    summary: 'Response, resolution and satisfaction rates per unit or district over [from, to)',
    access: leads,
    query: ratesQuerySchema,
    responses: { 200: ratesResponseSchema },
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
  summary: defineRoute({
    method: 'GET',
    path: '/api/monitor/summary',
    summary: 'Ticket counts and agent presence',
    access: leads,
    responses: { 200: monitorSummarySchema },
  }),
};
