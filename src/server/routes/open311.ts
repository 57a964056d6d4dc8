import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newOpen311KeySchema } from '../../shared/server-api/admin';
import { auditRead } from '../audit/audit-log';
import { currentUser, requireRole } from '../plugins/auth';
import { clientForKey, issueApiKey, listApiKeys, revokeApiKey } from '../open311/api-keys';
import { listServices, serviceAttributes } from '../open311/catalogue';
import { createRequest, Open311Error, parseTickets, toServiceRequests } from '../open311/requests';
import { objectToXml, toXml, type XmlObject } from '../open311/xml';
import type { RouteContext } from './context';

type Format = 'json' | 'xml';
/** GeoReport reads are public: they are audited as such. */
const open311Reader = { username: 'open311 (public)', role: 'open311' } as const;
const dayMs = 86_400_000;

/** `name.json` → ['name', 'json']; anything else is not a GeoReport resource. */
function splitFormat(file: string): [string, Format] {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(404, 'add .json or .xml to the resource name');
  return [m[1]!, m[2] as Format];
}

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.status(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
  return reply.type('text/xml; charset=utf-8').send(xml());
}

const sendError = (reply: FastifyReply, format: Format, status: number, description: string) =>
  send(reply, format, status, [{ code: status, description }], () => toXml('errors', 'error', [{ code: status, description }]));

const list = (value: unknown): string[] => (value === undefined ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean));

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = z.iso.datetime({ offset: true, local: false }).or(z.iso.date()).safeParse(String(value));
  if (!parsed.success) throw new Open311Error(400, `${name} must be an ISO 8601 date or time, e.g. 2026-11-01T00:00:00+08:00`);
  return new Date(parsed.data);
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services, service
 * definitions, requests, tokens; JSON or XML by suffix; errors as the spec writes them.
 * Registered under the prefix /open311, which scopes its own error and not-found handlers.
 */
export const open311Routes: FastifyPluginAsyncZod<RouteContext> = async (app, { db, config }) => {
  const formatOf = (request: FastifyRequest): Format => (/\.xml(\?|$)/.test(request.url) ? 'xml' : 'json');
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof Open311Error) return sendError(reply, formatOf(request), error.status, error.message);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return sendError(reply, formatOf(request), 400, (error as Error).message);
    request.log.error({ err: error }, 'open311 request failed');
    return sendError(reply, formatOf(request), 500, 'the server failed; try again');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, formatOf(request), 404, 'no such GeoReport resource'));
  const base = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? `${config.host}:${config.port}`}`;

  for (const format of ['json', 'xml'] as const) {
    app.get(`/discovery.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const changeset = new Date(Date.UTC(2026, 10, 29)).toISOString();
      const discovery = {
        changeset,
        contact: 'Citizen service hotline 12345',
        key_service: 'API keys are issued by the hotline administrators (POST /api/admin/open311-keys).',
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${base(request)}/open311/v2`, changeset, type: 'production', formats: ['application/json', 'text/xml'] }],
      };
      return send(reply, format, 200, discovery, () => objectToXml('discovery', discovery as unknown as XmlObject, { endpoints: 'endpoint', formats: 'format' }));
    });

    app.get(`/v2/services.${format}`, { schema: { hide: true } }, async (_request, reply) => {
      const services = await listServices(db);
      return send(reply, format, 200, services, () => toXml('services', 'service', services as unknown as XmlObject[]));
    });

    app.get(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const ids = list(query.service_request_id);
      let rows: { state: unknown }[];
      if (ids.length > 0) {
        // The spec: with service_request_id given, the other filters are ignored.
        rows = await db.query(`SELECT state FROM tickets WHERE official_no = ANY ($1::text[]) ORDER BY created_at DESC`, [ids]);
      } else {
        const end = dateParam(query.end_date, 'end_date') ?? new Date();
        const start = dateParam(query.start_date, 'start_date') ?? new Date(end.getTime() - 90 * dayMs);
        if (start > end) throw new Open311Error(400, 'start_date must be before end_date');
        if (end.getTime() - start.getTime() > 90 * dayMs) throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart');
        const statuses = list(query.status);
        if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
        const codes = list(query.service_code);
        rows = await db.query(
          `SELECT state FROM tickets
           WHERE created_at >= $1 AND created_at <= $2
             AND (cardinality($3::text[]) = 0 OR category = ANY ($3::text[]))
             AND (cardinality($4::text[]) = 0 OR (CASE WHEN status = 'closed' THEN 'closed' ELSE 'open' END) = ANY ($4::text[]))
           ORDER BY created_at DESC LIMIT 1000`,
          [start.toISOString(), end.toISOString(), codes, statuses],
        );
      }
      const tickets = parseTickets(rows);
      await auditRead(db, open311Reader, tickets.map((t) => t.id), 'open311 GET requests');
      const requests = await toServiceRequests(db, tickets, config.timeZone);
      return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests as unknown as XmlObject[]));
    });

    app.post(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const apiKey = typeof body.api_key === 'string' ? body.api_key : '';
      if (!apiKey) throw new Open311Error(400, 'api_key is required');
      const client = await clientForKey(db, apiKey);
      if (!client) throw new Open311Error(403, 'api_key is not valid');
      const { serviceRequestId } = await createRequest(db, client, body, config.timeZone);
      const answer = [{ service_request_id: serviceRequestId, service_notice: '市民热线已受理 Received by the citizen hotline', account_id: null }];
      return send(reply, format, 200, answer, () => toXml('service_requests', 'request', answer));
    });
  }

  app.get('/v2/services/:file', { schema: { hide: true } }, async (request, reply) => {
    const [code, format] = splitFormat((request.params as { file: string }).file);
    const services = await listServices(db);
    if (!services.some((s) => s.service_code === code)) throw new Open311Error(404, `service_code ${code} was not found`);
    const definition = { service_code: code, attributes: serviceAttributes(code) };
    return send(reply, format, 200, definition, () => objectToXml('service_definition', definition as unknown as XmlObject, { attributes: 'attribute', values: 'value' }));
  });

  app.get('/v2/requests/:file', { schema: { hide: true } }, async (request, reply) => {
    const [id, format] = splitFormat((request.params as { file: string }).file);
    const rows = await db.query<{ state: unknown }>(`SELECT state FROM tickets WHERE official_no = $1`, [id]);
    if (rows.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
    const tickets = parseTickets(rows);
    await auditRead(db, open311Reader, tickets.map((t) => t.id), 'open311 GET requests/:id');
    const requests = await toServiceRequests(db, tickets, config.timeZone);
    return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests as unknown as XmlObject[]));
  });

  app.get('/v2/tokens/:file', { schema: { hide: true } }, async (request, reply) => {
    const [token, format] = splitFormat((request.params as { file: string }).file);
    // Requests are numbered as they are filed, so a token only ever names a request that exists.
    const rows = /^[0-9a-f-]{36}$/.test(token) ? await db.query<{ official_no: string }>(`SELECT official_no FROM tickets WHERE id = $1`, [token]) : [];
    if (rows.length === 0) throw new Open311Error(404, `token ${token} was not found`);
    const answer = [{ service_request_id: rows[0]!.official_no, token }];
    return send(reply, format, 200, answer, () => toXml('service_requests', 'request', answer));
  });
};

/** Admins manage Open311 clients' keys (in the normal API, with its error envelope). */
export const open311AdminRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, { db }) => {
  const admin = requireRole(db, 'admin');
  app.get('/api/admin/open311-keys', { onRequest: admin, schema: { summary: 'Open311 API keys (not the keys themselves)' } }, async () => ({ keys: await listApiKeys(db) }));
  app.post(
    '/api/admin/open311-keys',
    { onRequest: admin, schema: { summary: 'Issue an Open311 API key for a client; shown once', body: newOpen311KeySchema } },
    async (request, reply) => {
      currentUser(request);
      return reply.status(201).send(await issueApiKey(db, request.body.name));
    },
  );
  app.post(
    '/api/admin/open311-keys/:id/revoke',
    { onRequest: admin, schema: { summary: 'Revoke an Open311 API key', params: z.strictObject({ id: z.uuid() }) } },
    async (request) => ({ revoked: await revokeApiKey(db, request.params.id) }),
  );
};
