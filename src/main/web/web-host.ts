import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { type WsServerMessage, wsClientMessageSchema, wsPath } from '../../shared/contract/wire';
import { fail, toFieldIssues } from '../../shared/result';
import type { Core } from '../core';
import type { Logger } from '../dispatch';
import { serveStatic } from './static-files';

/** The port a listening server got (a pipe or a server not listening has none). */
function portOf(server: http.Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The browser host is not listening on a TCP port.');
  return address.port;
}

export interface WebHostOptions {
  core: Core;
  /** 0 picks a free port (tests). */
  port: number;
  /** Loopback by default: the browser host is not meant to be reachable from the network. */
  hostname?: string;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  log?: Logger;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

/** A frame over this size is refused by `ws` before it is parsed. */
const maxFrameBytes = 1024 * 1024;

/**
 * The browser host: serves the renderer and the very same contract over one WebSocket, so the UI
 * runs in any browser (E2E tests, wallboards) exactly as it runs in the Electron window.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, staticDir } = options;
  const log = options.log ?? console;
  const hostname = options.hostname ?? '127.0.0.1';

  const server = http.createServer((req, res) => {
    serveStatic(staticDir, req.method ?? 'GET', req.url ?? '/', res).catch((error: unknown) => {
      log.error('[web-host] static file failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });

  server.on('upgrade', (req, socket, head) => {
    const port = portOf(server);
    const allowedOrigins = new Set([`http://${hostname}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    // A page from another origin must not drive the core through the agent's browser.
    if (pathname !== wsPath || !allowedOrigins.has(req.headers.origin ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, message: WsServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  wss.on('connection', (ws) => {
    ws.on('message', (data, isBinary) => {
      void answer(ws, isBinary ? null : data.toString());
    });
    ws.on('error', (error) => log.warn('[web-host] socket error', error.message));
  });

  async function answer(ws: WebSocket, text: string | null) {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = wsClientMessageSchema.safeParse(json);
    if (!parsed.success) {
      send(ws, {
        type: 'error',
        result: fail('invalid_request', 'A frame must be JSON { type: "invoke", id, call, input }.', toFieldIssues(parsed.error)),
      });
      return;
    }
    const result = await core.dispatch(parsed.data.call, parsed.data.input);
    send(ws, { type: 'result', id: parsed.data.id, result });
  }

  const unsubscribe = core.bus.subscribe((event, payload) => {
    for (const ws of wss.clients) send(ws, { type: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostname, () => resolve());
  });
  const port = portOf(server);

  return {
    url: `http://${hostname}:${port}/`,
    close: async () => {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
