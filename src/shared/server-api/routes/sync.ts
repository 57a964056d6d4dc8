import { anyRole } from '../auth';
import { referenceQuerySchema, referenceResponseSchema } from '../reference';
import { defineRoute } from '../route';
import {
  bootstrapQuerySchema,
  bootstrapResponseSchema,
  callerIndexQuerySchema,
  callerIndexResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  ticketHistoryRequestSchema,
  ticketHistoryResponseSchema,
} from '../sync';

export const syncRoutes = {
  push: defineRoute({
    method: 'POST',
    path: '/api/sync/push',
    summary: 'Push outbox events: each is accepted, a duplicate, or rejected with a reason',
    // Units act on tickets through their own routes, not by pushing events.
    access: ['agent', 'lead', 'admin'],
    body: pushRequestSchema,
    responses: { 200: pushResponseSchema },
  }),
  pull: defineRoute({
    method: 'GET',
    path: '/api/sync/pull',
    summary: 'Events after a cursor, in order, within the caller’s scope',
    access: anyRole,
    query: pullQuerySchema,
    responses: { 200: pullResponseSchema },
  }),
  bootstrap: defineRoute({
    method: 'GET',
    path: '/api/sync/bootstrap',
    summary: 'Whole tickets in a cache scope, a page of tickets at a time (new workstations)',
    access: anyRole,
    query: bootstrapQuerySchema,
    responses: { 200: bootstrapResponseSchema },
  }),
  ticketHistories: defineRoute({
    method: 'POST',
    path: '/api/sync/tickets',
    summary: 'Whole histories of named tickets (a cache meeting a ticket it does not hold)',
    access: anyRole,
    body: ticketHistoryRequestSchema,
    responses: { 200: ticketHistoryResponseSchema },
  }),
  callerIndex: defineRoute({
    method: 'GET',
    path: '/api/sync/caller-index',
    summary: 'Short rows of older tickets by caller, for a year of caller history',
    access: anyRole,
    query: callerIndexQuerySchema,
    responses: { 200: callerIndexResponseSchema },
  }),
  reference: defineRoute({
    method: 'GET',
    path: '/api/reference',
    summary: 'Reference data changed after a version',
    access: anyRole,
    query: referenceQuerySchema,
    responses: { 200: referenceResponseSchema },
  }),
};
