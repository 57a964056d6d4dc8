import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  body: string;
}

/** What the stand-in does with a request: forward it (null), answer this status itself, or cut the connection. */
export type StandInRule = (request: ProxiedRequest) => number | 'cut' | null;

export interface SeenRequest {
  path: string;
  /** The status the client got, or 'cut'. */
  status: number | 'cut';
  bytes: number;
}

/**
 * A loopback HTTP server in front of a real one that fails on purpose, by a rule the test sets
 * (and may change): the server a workstation meets when it crashes on some input, restarts or
 * cannot be reached. Everything else is forwarded as it is. WebSocket upgrades are refused, so
 * the workstation relies on its polls.
 */
export async function standInProxy(targetUrl: string, rule: StandInRule) {
  const seen: SeenRequest[] = [];
  const stand = { rule, seen };
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(parts);
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
      const verdict = stand.rule(request);
      const record = (status: number | 'cut') => seen.push({ path: request.path, status, bytes: body.length });
      if (verdict === 'cut') {
        record('cut');
        req.socket.destroy();
        return;
      }
      if (verdict !== null) {
        record(verdict);
        res
          .writeHead(verdict, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'internal', message: `stand-in failure ${verdict}` } }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'content-type']) if (req.headers[name]) headers[name] = String(req.headers[name]);
      fetch(new URL(request.path, targetUrl), { method: request.method, headers, body: body.length > 0 ? body : undefined }).then(
        async (answer) => {
          const text = Buffer.from(await answer.arrayBuffer());
          record(answer.status);
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
        },
        () => {
          record('cut');
          req.socket.destroy();
        },
      );
    });
  });
  server.on('upgrade', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(stand, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
