import type { z } from 'zod';
import type { Role } from './auth';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One HTTP route of the central server, declared once: the server registers it from this (schema,
 * role check, OpenAPI) and the workstation's client calls it from this (URL, body, answer).
 */
export interface RouteDefinition {
  method: HttpMethod;
  /** Fastify style, parameters as `:name`: `/api/tickets/:id`. */
  path: string;
  summary: string;
  description?: string;
  /**
   * The roles whose session opens it (checked before the body is read), or `public`: no session,
   * the route authenticates otherwise if at all (a password, a switch token in the path, an API key).
   */
  access: 'public' | readonly Role[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer by status; exactly one is a 2xx: what the handler returns. */
  responses: Readonly<Record<number, z.ZodType>>;
  /** The content type of the 2xx answer when it is text, not JSON (CSV, XML, metrics). */
  produces?: string;
  /** A WebSocket upgrade (`GET` only); the messages are declared with their own schemas. */
  websocket?: true;
}

/** Declares a route; the literal type is kept, so handlers and calls are typed from it. */
export const defineRoute = <const R extends RouteDefinition>(route: R): R => route;

type SuccessStatus = 200 | 201 | 202 | 204;
export type SuccessSchema<R extends RouteDefinition> = R['responses'][Extract<keyof R['responses'], SuccessStatus>];

/** What the server's handler gives back (before serialisation). */
export type RouteAnswer<R extends RouteDefinition> = z.input<SuccessSchema<R>>;
/** What the client gets (after parsing the answer). */
export type RouteResult<R extends RouteDefinition> = z.output<SuccessSchema<R>>;

type Part<K extends 'params' | 'query' | 'body', R, Side extends 'in' | 'out'> = R extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: Side extends 'in' ? z.input<S> : z.output<S> }
  : { [P in K]?: undefined };

/** What a caller passes to a route (each part as its schema accepts it). */
export type RouteInput<R extends RouteDefinition> = Part<'params', R, 'in'> & Part<'query', R, 'in'> & Part<'body', R, 'in'>;
/** What a handler receives, each part already validated. */
export type RouteRequestParts<R extends RouteDefinition> = {
  params: Part<'params', R, 'out'>['params'];
  query: Part<'query', R, 'out'>['query'];
  body: Part<'body', R, 'out'>['body'];
};

/** The status of the 2xx answer. */
export function successStatus(route: RouteDefinition): number {
  const statuses = Object.keys(route.responses)
    .map(Number)
    .filter((status) => status >= 200 && status < 300);
  if (statuses.length !== 1) throw new Error(`${route.method} ${route.path} must declare exactly one 2xx answer`);
  return statuses[0]!;
}

/** `/api/tickets/:id` with `{ id }` → `/api/tickets/<id>`, each value escaped. */
export function fillPath(path: string, params: object | undefined): string {
  const values = new Map<string, unknown>(Object.entries(params ?? {}));
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined || value === null) throw new Error(`${path} needs the parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** A query object as a search string (`?a=1&b=x`); undefined values are left out, arrays repeat the key. */
export function searchOf(query: object | undefined): string {
  const search = new URLSearchParams();
  const entries: [string, unknown][] = Object.entries(query ?? {});
  for (const [key, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `/api/tickets/:id` → `/api/tickets/{id}`, as OpenAPI writes paths. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');
