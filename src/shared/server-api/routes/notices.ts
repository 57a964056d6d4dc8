import { noticeIdSchema, noticeResponseSchema, noticeSchema, noticesInForceSchema, noticeWithdrawnSchema } from '../notices';
import { defineRoute } from '../route';

const leads = ['lead', 'admin'] as const;

/** Leads' notices to the agents' status bars: sent, read while in force, withdrawn. */
export const noticeRoutes = {
  send: defineRoute({
    method: 'POST',
    path: '/api/monitor/notices',
    summary: "Broadcasts a short notice to every agent's status bar, where it stays until it expires",
    access: leads,
    body: noticeSchema,
    responses: { 201: noticeResponseSchema },
  }),
  inForce: defineRoute({
    method: 'GET',
    path: '/api/notices',
    summary: 'The notices in force (not expired, not withdrawn), newest first: what a workstation shows when it signs in or reconnects',
    access: ['agent', 'lead', 'admin'],
    responses: { 200: noticesInForceSchema },
  }),
  withdraw: defineRoute({
    method: 'DELETE',
    path: '/api/monitor/notices/:id',
    summary: "Withdraws a notice from every agent's status bar before it expires",
    access: leads,
    params: noticeIdSchema,
    responses: { 200: noticeWithdrawnSchema },
  }),
};
