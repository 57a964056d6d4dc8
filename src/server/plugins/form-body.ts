import type { FastifyInstance } from 'fastify';

/**
 * `application/x-www-form-urlencoded` bodies (phone switches, Open311 clients) as plain objects:
 * `user[]=a&user[]=b` and repeated keys become arrays, everything else a string. Other bracketed
 * names (`attribute[WHISPER]`) are kept as written for the route to read.
 */
export function parseFormBody(text: string): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const list = rawKey.endsWith('[]');
    const key = list ? rawKey.slice(0, -2) : rawKey;
    const existing = body[key];
    if (existing === undefined) body[key] = list ? [value] : value;
    else body[key] = [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return body;
}

export function registerFormBody(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormBody(typeof body === 'string' ? body : body.toString('utf8')));
  });
}
