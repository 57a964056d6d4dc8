import type { FastifyReply } from 'fastify';
import { toXml } from './xml';

export type Format = 'json' | 'xml';

/** JSON unless the resource asks for XML by its suffix (`requests.xml`, `requests/1.xml?…`). */
export const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

export function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.status(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
  return reply.type('text/xml; charset=utf-8').send(xml());
}

/** An error as the spec writes it: `[{ code, description }]` or `<errors><error>…`, the HTTP status as the code. */
export const sendError = (reply: FastifyReply, format: Format, status: number, description: string) =>
  send(reply, format, status, [{ code: status, description }], () => toXml('errors', 'error', [{ code: status, description }]));
