import { WebSocket } from 'ws';
import type { LiveServerMessage } from '../../src/shared/server-api/live';

/** A client of the server's `/api/live` socket that records what arrives, and when. */
export class LiveTestClient {
  readonly received: { at: number; message: LiveServerMessage }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.received.push({ at: performance.now(), message: JSON.parse(data.toString()) as LiveServerMessage }));
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(baseUrl: string): Promise<LiveTestClient> {
    const ws = new WebSocket(new URL('/api/live', baseUrl.replace(/^http/, 'ws')));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new LiveTestClient(ws);
  }

  send(message: unknown) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message matching, waiting up to `timeoutMs`. */
  async next(match: (m: LiveServerMessage) => boolean, timeoutMs = 5000) {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((r) => match(r.message));
      if (found) return found;
      if (performance.now() > deadline)
        throw new Error(`no matching live message within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((r) => r.message))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close() {
    this.ws.close();
  }
}
