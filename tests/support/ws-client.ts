import { WebSocket } from 'ws';
import { wsPath, type WsServerMessage } from '../../src/shared/contract/wire';

/** A test client for the browser host's WebSocket that can send anything, valid or not. */
export class WsTestClient {
  private nextId = 1;
  readonly received: WsServerMessage[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as WsServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(baseUrl: string, origin = new URL(baseUrl).origin): Promise<WsTestClient> {
    const ws = new WebSocket(new URL(wsPath, baseUrl.replace(/^http/, 'ws')), { origin });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new WsTestClient(ws);
  }

  /** Waits for the first message received from now on (or already queued) that matches. */
  async next(match: (message: WsServerMessage) => boolean, timeoutMs = 5000): Promise<WsServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.received.findIndex(match);
      if (index >= 0) return this.received.splice(index, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async call(call: string, input: unknown) {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ type: 'invoke', id, call, input }));
    const answer = await this.next((m) => m.type === 'result' && m.id === id);
    return answer.type === 'result' ? answer.result : undefined;
  }

  sendRaw(data: string | Buffer) {
    this.ws.send(data);
  }

  close() {
    this.ws.close();
  }
}
