import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Random } from '../../src/server/seed/random';

export interface FaultRates {
  /** The request never reaches the server. */
  drop: number;
  /** The server handles the request, the client never hears the answer. */
  loseAnswer: number;
  /** A push is delivered twice. */
  duplicate: number;
  /** Up to this many ms before forwarding: concurrent requests overtake each other. */
  maxDelayMs: number;
}

export const noFaults: FaultRates = { drop: 0, loseAnswer: 0, duplicate: 0, maxDelayMs: 0 };

export interface ProxyStats {
  requests: number;
  dropped: number;
  answersLost: number;
  duplicated: number;
  refusedWhilePartitioned: number;
}

/**
 * A loopback HTTP proxy between one workstation and its server that misbehaves on purpose, by a
 * seeded plan. WebSocket upgrades are refused: live hints are an optimisation the harness does
 * without, so correctness rests on push and pull alone.
 */
export class FaultProxy {
  partitioned = false;
  rates: FaultRates = noFaults;
  readonly stats: ProxyStats = { requests: 0, dropped: 0, answersLost: 0, duplicated: 0, refusedWhilePartitioned: 0 };
  /** Called when a push has been handed to the server, before the answer goes back. */
  onPushForwarded: (() => void) | null = null;
  private readonly server: http.Server;

  constructor(
    private readonly targetPort: number,
    private readonly random: Random,
  ) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.on('upgrade', (_req, socket) => socket.destroy());
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    this.stats.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (this.partitioned) {
      this.stats.refusedWhilePartitioned += 1;
      return req.socket.destroy();
    }
    const { drop, loseAnswer, duplicate, maxDelayMs } = this.rates;
    if (this.random.chance(drop)) {
      this.stats.dropped += 1;
      return req.socket.destroy();
    }
    if (maxDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.random.next() * maxDelayMs));
    const isPush = req.method === 'POST' && req.url === '/api/sync/push';
    let answer = await this.forward(req, body);
    if (isPush && this.random.chance(duplicate)) {
      this.stats.duplicated += 1;
      answer = await this.forward(req, body);
    }
    if (isPush) this.onPushForwarded?.();
    if (this.random.chance(loseAnswer)) {
      this.stats.answersLost += 1;
      return req.socket.destroy();
    }
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  }

  private forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; contentType: string; body: Buffer }> {
    return new Promise((resolve) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: this.targetPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${this.targetPort}`, connection: 'close' },
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (c: Buffer) => parts.push(c));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              contentType: String(response.headers['content-type'] ?? 'text/plain'),
              body: Buffer.concat(parts),
            }),
          );
          response.on('error', () => resolve({ status: 502, contentType: 'text/plain', body: Buffer.from('upstream broke') }));
        },
      );
      // The server is down (killed): the workstation sees a gateway error, as behind a real balancer.
      upstream.on('error', () => resolve({ status: 502, contentType: 'text/plain', body: Buffer.from('upstream unreachable') }));
      upstream.end(body);
    });
  }
}
