import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRead } from '../audit/audit-log';
import { clientForKey } from '../open311/api-keys';
import { type Format, formatOf, render, send, sendError, sendText } from '../open311/answer';
import { publicAnswers, queryKey } from '../open311/answer-cache';
import { listServices, serviceAttributes } from '../open311/catalogue';
import { refuseAbsurdDate, refuseUnsafeText } from '../open311/input';
import { publicRequestPage, publicRequestsById, tokenRequests, toServiceRequests } from '../open311/public-requests';
import { ReadGate, ReadRateLimit } from '../open311/read-limits';
import { createRequest, Open311Error } from '../open311/requests';
import { objectToXml, toXml, type XmlObject } from '../open311/xml';
import type { RouteContext } from './context';

/** GeoReport reads are public: they are audited as such. */
const open311Reader = { username: 'open311 (public)', role: 'open311' } as const;
const dayMs = 86_400_000;
const maxPageSize = 100;

/** `name.json` → ['name', 'json']; anything else is not a GeoReport resource. */
function splitFormat(file: string): [string, Format] {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(404, 'add .json or .xml to the resource name');
  return [m[1]!, m[2] as Format];
}

const list = (value: unknown): string[] => (value === undefined ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean));

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = z.iso.datetime({ offset: true, local: false }).or(z.iso.date()).safeParse(String(value));
  if (!parsed.success) throw new Open311Error(400, `${name} must be an ISO 8601 date or time, e.g. 2026-11-01T00:00:00+08:00`);
  return refuseAbsurdDate(new Date(parsed.data), name);
}

function countParam(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = /^\d{1,7}$/.test(String(value)) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) throw new Open311Error(400, `${name} must be a whole number from 1 to ${max}`);
  return n;
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services, service
 * definitions, requests, tokens; JSON or XML by suffix; errors as the spec writes them.
 * Registered under the prefix /open311, which scopes its own error and not-found handlers.
 *
 * Only public requests exist here: those filed through Open311 and tickets a lead published.
 */
export const open311Routes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config, metrics }) => {
  app.setErrorHandler((error, request, reply) => {
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
  const answers = publicAnswers(db);
  /** A public read: counted against the client's allowance, then through the gate. */
  const read = <T>(request: FastifyRequest, fn: () => Promise<T>) => {
    rateLimit.take(request.ip);
    return gate.run(fn);
  };
  const base = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? `${config.host}:${config.port}`}`;

  for (const format of ['json', 'xml'] as const) {
    app.get(`/discovery.${format}`, { schema: { hide: true } }, async (request, reply) => {
      rateLimit.take(request.ip);
      const changeset = new Date(Date.UTC(2026, 10, 29)).toISOString();
      const discovery = {
        changeset,
        contact: 'Citizen service hotline 12345',
        key_service: 'API keys are issued by the hotline administrators (POST /api/admin/open311-keys).',
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${base(request)}/open311/v2`, changeset, type: 'production', formats: ['application/json', 'text/xml'] }],
      };
      return send(reply, format, 200, discovery, () => objectToXml('discovery', discovery as unknown as XmlObject, { endpoints: 'endpoint', formats: 'format' }));
    });

    app.get(`/v2/services.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const services = await read(request, () => listServices(db));
      return send(reply, format, 200, services, () => toXml('services', 'service', services as unknown as XmlObject[]));
    });

    app.get(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const ids = list(query.service_request_id);
      if (ids.length > maxPageSize) throw new Open311Error(400, `service_request_id names at most ${maxPageSize} requests`);
      const page = countParam(query.page, 'page', 1, 100_000);
      const pageSize = countParam(query.page_size, 'page_size', 50, maxPageSize);
      const end = dateParam(query.end_date, 'end_date') ?? new Date();
      const start = dateParam(query.start_date, 'start_date') ?? new Date(end.getTime() - 90 * dayMs);
      if (start > end) throw new Open311Error(400, 'start_date must be before end_date');
      if (end.getTime() - start.getTime() > 90 * dayMs) throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart');
      const statuses = list(query.status);
      if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
      const serviceCodes = list(query.service_code);
      rateLimit.take(request.ip);
      // The spec: with service_request_id given, the other filters are ignored.
      const key = ids.length > 0
        ? queryKey({ format, ids })
        : queryKey({ format, page, pageSize, start: query.start_date ? start.toISOString() : null, end: query.end_date ? end.toISOString() : null, statuses, serviceCodes });
      const text = await answers.answer(key, () =>
        gate.run(async () => {
          const rows = ids.length > 0 ? await publicRequestsById(db, ids) : await publicRequestPage(db, { start, end, serviceCodes, statuses, page, pageSize });
          const { ticketIds, requests } = await toServiceRequests(db, rows, config.timeZone);
          await auditRead(db, open311Reader, ticketIds, 'open311 GET requests');
          return render(format, requests, () => toXml('service_requests', 'request', requests as unknown as XmlObject[]));
        }),
      );
      return sendText(reply, format, 200, text);
    });

    app.post(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const apiKey = typeof body.api_key === 'string' ? body.api_key : '';
      if (!apiKey) throw new Open311Error(400, 'api_key is required');
      const client = await clientForKey(db, apiKey);
      if (!client) throw new Open311Error(403, 'api_key is not valid');
      const { serviceRequestId } = await createRequest(db, client, body, config.timeZone);
      answers.clear();
      const answer = [{ service_request_id: serviceRequestId, service_notice: '市民热线已受理 Received by the citizen hotline', account_id: null }];
      return send(reply, format, 200, answer, () => toXml('service_requests', 'request', answer));
    });
  }

  app.get('/v2/services/:file', { schema: { hide: true } }, async (request, reply) => {
    const [code, format] = splitFormat((request.params as { file: string }).file);
    const services = await read(request, () => listServices(db));
    if (!services.some((s) => s.service_code === code)) throw new Open311Error(404, `service_code ${code} was not found`);
    const definition = { service_code: code, attributes: serviceAttributes(code) };
    return send(reply, format, 200, definition, () => objectToXml('service_definition', definition as unknown as XmlObject, { attributes: 'attribute', values: 'value' }));
  });

  app.get('/v2/requests/:file', { schema: { hide: true } }, async (request, reply) => {
    const [id, format] = splitFormat((request.params as { file: string }).file);
    const { ticketIds, requests } = await read(request, async () => {
      const answer = await toServiceRequests(db, await publicRequestsById(db, [id]), config.timeZone);
      await auditRead(db, open311Reader, answer.ticketIds, 'open311 GET requests/:id');
      return answer;
    });
    // The same answer for a private ticket's number as for a number never given: no oracle.
    if (ticketIds.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
    return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests as unknown as XmlObject[]));
  });

  app.get('/v2/tokens/:file', { schema: { hide: true } }, async (request, reply) => {
    const [token, format] = splitFormat((request.params as { file: string }).file);
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
