import { z } from 'zod';
import { defineRoute } from '../route';

export const healthRoutes = {
  home: defineRoute({
    method: 'GET',
    path: '/',
    summary: 'A short page for whoever opens the server in a browser: what it is, where the workstation and the API description are',
    access: 'public',
    responses: { 200: z.string() },
    produces: 'text/html; charset=utf-8',
  }),
  health: defineRoute({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness and database reachability',
    access: 'public',
    responses: { 200: z.object({ status: z.literal('ok'), engine: z.enum(['postgres', 'pglite']), head: z.number() }) },
  }),
  metrics: defineRoute({
    method: 'GET',
    path: '/metrics',
    summary: 'Prometheus metrics (text exposition format): request durations, pushed events, Open311 reads, live connections',
    access: 'public',
    responses: { 200: z.string() },
    produces: 'text/plain; version=0.0.4; charset=utf-8',
  }),
};
