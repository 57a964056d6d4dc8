import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { newOpen311KeySchema } from '../admin';
import {
  issuedOpen311KeySchema,
  open311DiscoverySchema,
  open311ErrorsSchema,
  type Open311Format,
  open311KeySchema,
  open311PostResponseSchema,
  open311PostSchema,
  open311RequestSchema,
  open311RequestsQuerySchema,
  open311ResourceSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  open311TokensSchema,
  publicationSchema,
  publicSummarySchema,
} from '../open311';
import { defineRoute } from '../route';

/** Errors come in the spec's shape (`[{ code, description }]`, or `<errors>` in XML). */
const errors = { 400: open311ErrorsSchema, 404: open311ErrorsSchema, 429: open311ErrorsSchema };
const xml = 'text/xml; charset=utf-8';

/** A resource in one format: JSON as its schema says, XML as text with the same content. */
const inFormat = <F extends Open311Format, S extends z.ZodType>(format: F, json: S) =>
  format === 'json'
    ? ({ responses: { 200: json, ...errors } } as const)
    : ({ responses: { 200: z.string(), ...errors }, produces: xml } as const);

const formatRoutes = <F extends Open311Format>(format: F) => ({
  discovery: defineRoute({
    method: 'GET',
    path: `/open311/discovery.${format}`,
    summary: `GeoReport v2 discovery (${format}): where the endpoints are and what they speak`,
    access: 'public',
    ...inFormat(format, open311DiscoverySchema),
  }),
  services: defineRoute({
    method: 'GET',
    path: `/open311/v2/services.${format}`,
    summary: `GeoReport v2 services (${format}): the request types a citizen may file`,
    access: 'public',
    ...inFormat(format, z.array(open311ServiceSchema)),
  }),
  requests: defineRoute({
    method: 'GET',
    path: `/open311/v2/requests.${format}`,
    summary: `GeoReport v2 public service requests (${format}) by id, or by service, status and a window of at most 90 days`,
    access: 'public',
    query: open311RequestsQuerySchema,
    ...inFormat(format, z.array(open311RequestSchema)),
  }),
  postRequest: defineRoute({
    method: 'POST',
    path: `/open311/v2/requests.${format}`,
    summary: `GeoReport v2: file a service request (${format} answer), form-encoded or JSON, with an API key`,
    description: 'No session: the api_key field names the client (403 when it is not valid).',
    access: 'public',
    body: open311PostSchema,
    ...inFormat(format, open311PostResponseSchema),
  }),
});

const resource = { params: open311ResourceSchema, access: 'public', method: 'GET' } as const;
const eitherFormat = 'Add .json or .xml to the name; XML carries the same content as text.';

/** Open311 GeoReport v2, public; and the hotline side that manages its keys and what is public. */
export const open311Routes = {
  json: formatRoutes('json'),
  xml: formatRoutes('xml'),
  service: defineRoute({
    ...resource,
    path: '/open311/v2/services/:file',
    summary: 'GeoReport v2 service definition: the attributes a service asks for',
    description: eitherFormat,
    responses: { 200: open311ServiceDefinitionSchema, ...errors },
  }),
  request: defineRoute({
    ...resource,
    path: '/open311/v2/requests/:file',
    summary: 'GeoReport v2: one public service request by its id',
    description: eitherFormat,
    responses: { 200: z.array(open311RequestSchema), ...errors },
  }),
  token: defineRoute({
    ...resource,
    path: '/open311/v2/tokens/:file',
    summary: 'GeoReport v2: the request a token became',
    description: eitherFormat,
    responses: { 200: open311TokensSchema, ...errors },
  }),
};

export const open311AdminRoutes = {
  keys: defineRoute({
    method: 'GET',
    path: '/api/admin/open311-keys',
    summary: 'Open311 API keys (not the keys themselves)',
    access: ['admin'],
    responses: { 200: z.object({ keys: z.array(open311KeySchema) }) },
  }),
  issueKey: defineRoute({
    method: 'POST',
    path: '/api/admin/open311-keys',
    summary: 'Issue an Open311 API key for a client; shown once',
    access: ['admin'],
    body: newOpen311KeySchema,
    responses: { 201: issuedOpen311KeySchema },
  }),
  revokeKey: defineRoute({
    method: 'POST',
    path: '/api/admin/open311-keys/:id/revoke',
    summary: 'Revoke an Open311 API key',
    access: ['admin'],
    params: z.strictObject({ id: z.uuid() }),
    responses: { 200: z.object({ revoked: z.boolean() }) },
  }),
  publish: defineRoute({
    method: 'POST',
    path: '/api/tickets/:id/publish',
    summary:
      'Publish a hotline ticket on Open311 with a public summary (never the caller, phone, address or description); again to change the summary',
    access: ['lead', 'admin'],
    params: z.strictObject({ id: idSchema }),
    body: z.strictObject({ summary: publicSummarySchema }),
    responses: { 200: publicationSchema },
  }),
  unpublish: defineRoute({
    method: 'POST',
    path: '/api/tickets/:id/unpublish',
    summary: 'Take a published hotline ticket off Open311',
    access: ['lead', 'admin'],
    params: z.strictObject({ id: idSchema }),
    responses: { 200: z.object({ ticketId: z.string(), unpublished: z.literal(true) }) },
  }),
};
