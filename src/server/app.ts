import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { LiveHub } from './live/live-hub';
import { publicAnswerCache } from './open311/answer-cache';
import { formatOf, sendError } from './open311/answer';
import { registerErrorHandler } from './plugins/errors';
import { registerFormBody } from './plugins/form-body';
import { registerOriginCheck } from './plugins/origin-check';
import { createMetrics, registerMetrics } from './plugins/metrics';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { ctiRoutes } from './routes/cti';
import type { RouteContext } from './routes/context';
import { healthRoutes } from './routes/health';
import { liveRoutes } from './routes/live';
import { monitorRoutes } from './routes/monitor';
import { noticeRoutes } from './routes/notices';
import { syncRoutes } from './routes/sync';
import { ticketRoutes } from './routes/tickets';
import { unitRoutes } from './routes/units';
import { open311Routes } from './routes/open311';
import { open311AdminRoutes } from './routes/open311-admin';
import { referenceAdminRoutes } from './routes/reference-admin';
import { refuseRoutesOutsideTable } from './routes/register-route';
import { maxRequestBytes } from '../shared/server-api/sync';

export interface ServerOptions {
  db: Database;
  config: ServerConfig;
  /** `false` silences logs (tests); default: JSON logs at config.logLevel. */
  logger?: boolean | FastifyBaseLogger;
  /** Where the JSON logs go (default stdout); tests read them to prove no secret is written. */
  logStream?: NodeJS.WritableStream;
  /** Told of every route as it is registered (tests compare them with the route table and OpenAPI). */
  onRoute?: (route: RouteOptions) => void;
}

/** The one route not in the table: the document that describes the others. */
export const openApiDocumentPath = '/openapi.json';

/** `/api/cti/<token>` → `/api/cti/***`: the switch's token is its password. */
export const maskSecretsInUrl = (url: string): string => url.replace(/^(\/api\/cti\/)[^/?#]+/, '$1***');

/** Builds the central server on an open, migrated database. `listen` is the caller's. */
export async function buildServer({ db, config, logger, logStream, onRoute }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            // Secrets never reach the log: headers and bodies are redacted, and the one secret that
            // travels in a URL (a phone switch's token) is masked wherever a URL is logged.
            redact: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.body.password',
              'body.password',
              'req.body.api_key',
              'body.api_key',
            ],
            serializers: {
              req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
                method: request.method,
                url: maskSecretsInUrl(request.url),
                hostname: request.hostname,
                remoteAddress: request.ip,
              }),
            },
            ...(logStream ? { stream: logStream } : {}),
          },
    bodyLimit: maxRequestBytes,
    // The workstation polls and pushes on loopback or a LAN; a stuck client must not hold a socket forever.
    connectionTimeout: 60_000,
    requestTimeout: 60_000,
    return503OnClosing: true,
    // A path that is not valid UTF-8 is refused before any route sees it: answered in the shape
    // the caller reads (GeoReport for Open311 clients, the API envelope for everyone else).
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      const message = 'The request address is not valid (e.g. not UTF-8); correct it and send again.';
      if (request.url.startsWith('/open311/')) return sendError(reply, formatOf(request.url), status, message);
      // Fastify types this reply with the generics of a route not matched yet; it is a plain reply.
      return (reply as FastifyReply).status(status).send({ error: { code: 'invalid_request', message } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Graceful shutdown: in-flight requests finish, and their keep-alive connections close after the
  // response instead of idling until the keep-alive timeout holds the shutdown up.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  if (onRoute) app.addHook('onRoute', onRoute);
  refuseRoutesOutsideTable(app, [openApiDocumentPath]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerFormBody(app);
  registerOriginCheck(app, config.allowedOrigins);
  app.decorateRequest('user', null);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Hotline Workstation central server',
        version: '0.1.0',
        description: 'Sync, auth and live events for hotline workstations.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  const metrics = createMetrics();
  const live = new LiveHub(db, app.log);
  await live.start();
  app.addHook('onClose', () => live.stop());
  registerMetrics(app, metrics);

  const context: RouteContext = { db, config, metrics, live, publicAnswers: publicAnswerCache() };
  for (const routes of [
    healthRoutes,
    authRoutes,
    syncRoutes,
    ticketRoutes,
    monitorRoutes,
    noticeRoutes,
    adminRoutes,
    referenceAdminRoutes,
    ctiRoutes,
    unitRoutes,
    open311AdminRoutes,
    liveRoutes,
  ]) {
    await app.register(routes, context);
  }
  await app.register(open311Routes, { ...context, prefix: '/open311' });
  app.get(openApiDocumentPath, { schema: { hide: true } }, async () => app.swagger());
  return app;
}
