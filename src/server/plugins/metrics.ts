import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app (tests run many apps in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'hotline_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    pushedEvents: new Counter({
      name: 'hotline_pushed_events_total',
      help: 'Events received through sync push, by outcome',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    open311Reads: new Gauge({
      name: 'hotline_open311_reads',
      help: 'Public Open311 reads using the database (running) and waiting their turn',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    liveClients: new Counter({
      name: 'hotline_live_connections_total',
      help: 'Live WebSocket connections opened',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Times every request; the numbers are served by the `/metrics` route (routes/health.ts). */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
