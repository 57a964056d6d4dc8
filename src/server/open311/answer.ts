import type { FastifyReply } from 'fastify';
import { toXml } from './xml';

export type Format = 'json' | 'xml';

/** JSON unless the resource asks for XML by its suffix (`requests.xml`, `requests/1.xml?…`). */
export const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

/** The text of an answer in `format`. */
export const render = (format: Format, json: unknown, xml: () => string): string => (format === 'json' ? JSON.stringify(json) : xml());

/** An answer already rendered in `format`. */
export const sendText = (reply: FastifyReply, format: Format, status: number, text: string) =>
  reply
    .status(status)
    .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
    .send(text);

export const send = (reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) =>
  sendText(reply, format, status, render(format, json, xml));

/** An error as the spec writes it: `[{ code, description }]` or `<errors><error>…`, the HTTP status as the code. */
export const sendError = (reply: FastifyReply, format: Format, status: number, description: string) =>
  send(reply, format, status, [{ code: status, description }], () => toXml('errors', 'error', [{ code: status, description }]));
