import fs from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { cspHeader } from '../../shared/content-security-policy';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'Content-Security-Policy': cspHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

/**
 * The built renderer's files, as one answer per request: the browser host writes it to HTTP, the
 * Electron window gets it through the app:// protocol. Only GET/HEAD, only files inside `root`;
 * `/` is index.html.
 */
export async function readStatic(root: string, method: string, rawUrl: string): Promise<StaticResponse> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { Allow: 'GET, HEAD', ...securityHeaders }, body: null };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return { status: 400, headers: securityHeaders, body: 'Bad request path' };
  }
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const notFound = { status: 404, headers: securityHeaders, body: 'Not found' };
  if (file !== root && !file.startsWith(root + path.sep)) return notFound;
  try {
    const body = await fs.readFile(file);
    const headers = {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
    };
    return { status: 200, headers, body: method === 'HEAD' ? null : body };
  } catch {
    return notFound;
  }
}

export async function serveStatic(root: string, method: string, rawUrl: string, res: ServerResponse): Promise<void> {
  const answer = await readStatic(root, method, rawUrl);
  res.writeHead(answer.status, answer.headers).end(answer.body ?? undefined);
}
