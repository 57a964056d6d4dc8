import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { serverApi } from '../../shared/server-api';
import { open311Formats, open311MaxPageSize } from '../../shared/server-api/open311';
import { auditRead } from '../audit/audit-log';
import { clientForKey } from '../open311/api-keys';
import { formatOf, render, send, sendError, sendText } from '../open311/answer';
import { queryKey } from '../open311/answer-cache';
import { listServices, serviceAttributes } from '../open311/catalogue';
import { refuseUnsafeText } from '../open311/input';
import { publicRequestPage, publicRequestsById, tokenRequests, toServiceRequests } from '../open311/public-requests';
import { ReadGate, ReadRateLimit } from '../open311/read-limits';
import { createRequest, Open311Error } from '../open311/requests';
import { objectToXml, toXml } from '../open311/xml';
import type { RouteContext } from './context';
import { registerRoute } from './register-route';

/** GeoReport reads are public: they are audited as such. */
const open311Reader = { username: 'open311 (public)', role: 'open311' } as const;
const dayMs = 86_400_000;

/**
 * A request the route's schema refused, in the spec's words: a form field is named before its
 * problem (`lat: must be …`); query and path messages name their parameter themselves. A path
 * that names no resource (no `.json`/`.xml`) is not found.
 */
function refusal(error: unknown): Open311Error | null {
  if (!hasZodFastifySchemaValidationErrors(error)) return null;
  const inBody = error.validationContext === 'body';
  const description = error.validation
    .map((issue) => {
      const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return inBody ? `${path || 'request'}: ${issue.message}` : issue.message;
    })
    .join('; ');
  return new Open311Error(error.validationContext === 'params' ? 404 : 400, description || 'the request is not valid');
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services, service
 * definitions, requests, tokens; JSON or XML by suffix; errors as the spec writes them.
 * Registered under the prefix /open311, which scopes its own error and not-found handlers.
 *
 * Only public requests exist here: those filed through Open311 and tickets a lead published.
 */
export const open311Routes: FastifyPluginAsync<RouteContext> = async (app, { db, config, metrics, publicAnswers: answers }) => {
  app.setErrorHandler((thrown, request, reply) => {
    const error = refusal(thrown) ?? thrown;
    if (error instanceof Open311Error) return sendError(reply.headers(error.headers), formatOf(request.url), error.status, error.message);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return sendError(reply, formatOf(request.url), 400, (error as Error).message);
    request.log.error({ err: error }, 'open311 request failed');
    return sendError(reply, formatOf(request.url), 500, 'the server failed; try again');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, formatOf(request.url), 404, 'no such GeoReport resource'));
  app.addHook('preHandler', async (request) => {
    refuseUnsafeText(request.params, 'the resource name');
    refuseUnsafeText(request.query, 'the query');
    refuseUnsafeText(request.body, 'the form');
  });

  const rateLimit = new ReadRateLimit(config.open311ReadsPerMinute);
  const gate = new ReadGate(db.engine === 'pglite' ? 2 : 4, 256, ({ running, waiting }) => {
    metrics.open311Reads.set({ state: 'running' }, running);
    metrics.open311Reads.set({ state: 'waiting' }, waiting);
  });
  /** A public read: counted against the client's allowance, then through the gate. */
  const read = <T>(request: FastifyRequest, fn: () => Promise<T>) => {
    rateLimit.take(request.ip);
    return gate.run(fn);
  };
  const base = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? `${config.host}:${config.port}`}`;

  for (const format of open311Formats) {
    const api = serverApi.open311[format];
    registerRoute(app, db, api.discovery, async (request, reply) => {
      rateLimit.take(request.ip);
      const changeset = new Date(Date.UTC(2026, 10, 29)).toISOString();
      const discovery = {
        changeset,
        contact: 'Citizen service hotline 12345',
        key_service: 'API keys are issued by the hotline administrators (POST /api/admin/open311-keys).',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${base(request)}/open311/v2`,
            changeset,
            type: 'production',
            formats: ['application/json', 'text/xml'],
          },
        ],
      };
      return send(reply, format, 200, discovery, () => objectToXml('discovery', discovery, { endpoints: 'endpoint', formats: 'format' }));
    });

    registerRoute(app, db, api.services, async (request, reply) => {
      const services = await read(request, () => listServices(db));
      return send(reply, format, 200, services, () => toXml('services', 'service', services));
    });

    registerRoute(app, db, api.requests, async (request, reply) => {
      const query = request.query;
      const ids = query.service_request_id;
      if (ids.length > open311MaxPageSize) throw new Open311Error(400, `service_request_id names at most ${open311MaxPageSize} requests`);
      const page = query.page ?? 1;
      const pageSize = query.page_size ?? 50;
      const end = query.end_date ?? new Date();
      const start = query.start_date ?? new Date(end.getTime() - 90 * dayMs);
      if (start > end) throw new Open311Error(400, 'start_date must be before end_date');
      if (end.getTime() - start.getTime() > 90 * dayMs) throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart');
      const statuses = query.status;
      const serviceCodes = query.service_code;
      rateLimit.take(request.ip);
      // The spec: with service_request_id given, the other filters are ignored.
      const key =
        ids.length > 0
          ? queryKey({ format, ids })
          : queryKey({
              format,
              page,
              pageSize,
              start: query.start_date ? start.toISOString() : null,
              end: query.end_date ? end.toISOString() : null,
              statuses,
              serviceCodes,
            });
      const text = await answers.answer(key, () =>
        gate.run(async () => {
          const rows =
            ids.length > 0
              ? await publicRequestsById(db, ids)
              : await publicRequestPage(db, { start, end, serviceCodes, statuses, page, pageSize });
          const { ticketIds, requests } = await toServiceRequests(db, rows, config.timeZone);
          await auditRead(db, open311Reader, ticketIds, 'open311 GET requests');
          return render(format, requests, () => toXml('service_requests', 'request', requests));
        }),
      );
      return sendText(reply, format, 200, text);
    });

    registerRoute(app, db, api.postRequest, async (request, reply) => {
      const body = request.body;
      if (!body.api_key) throw new Open311Error(400, 'api_key is required');
      const client = await clientForKey(db, body.api_key);
      if (!client) throw new Open311Error(403, 'api_key is not valid');
      const { serviceRequestId } = await createRequest(db, client, body, config.timeZone);
      answers.clear();
      const answer = [
        { service_request_id: serviceRequestId, service_notice: '市民热线已受理 Received by the citizen hotline', account_id: null },
      ];
      return send(reply, format, 200, answer, () => toXml('service_requests', 'request', answer));
    });
  }

  registerRoute(app, db, serverApi.open311.service, async (request, reply) => {
    const { name: code, format } = request.params.file;
    const services = await read(request, () => listServices(db));
    if (!services.some((s) => s.service_code === code)) throw new Open311Error(404, `service_code ${code} was not found`);
    const definition = { service_code: code, attributes: serviceAttributes(code) };
    return send(reply, format, 200, definition, () =>
      objectToXml('service_definition', definition, { attributes: 'attribute', values: 'value' }),
    );
  });

  registerRoute(app, db, serverApi.open311.request, async (request, reply) => {
    const { name: id, format } = request.params.file;
    const { ticketIds, requests } = await read(request, async () => {
      const answer = await toServiceRequests(db, await publicRequestsById(db, [id]), config.timeZone);
      await auditRead(db, open311Reader, answer.ticketIds, 'open311 GET requests/:id');
      return answer;
    });
    // The same answer for a private ticket's number as for a number never given: no oracle.
    if (ticketIds.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
    return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests));
  });

  registerRoute(app, db, serverApi.open311.token, async (request, reply) => {
    const { name: token, format } = request.params.file;
    // Requests are numbered as they are filed, so a token only ever names a request that exists;
    // the token is the ticket's id, and only a request filed through Open311 has one to give out.
    const rows = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(token)
      ? await read(request, () => tokenRequests(db, token))
      : [];
    if (rows.length === 0) throw new Open311Error(404, `token ${token} was not found`);
    const answer = [{ service_request_id: rows[0]!.official_no, token }];
    return send(reply, format, 200, answer, () => toXml('service_requests', 'request', answer));
  });
};
