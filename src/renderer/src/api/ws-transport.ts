import { wsServerMessageSchema } from '../../../shared/contract/wire';
import { fail } from '../../../shared/result';
import type { LinkState, Transport } from './transport';

const reconnectDelays = [250, 500, 1000, 2000, 4000];

/** What the transport needs of a WebSocket: the browser's has it, and so has the `ws` package's (tests run outside a browser). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
}

export interface WsTransportOptions {
  /** Opens the socket (default: the page's own `WebSocket`). */
  open?: (url: string) => SocketLike;
  /** A call made while the link is down waits this long for it to come back (default 10 s). */
  waitForLinkMs?: number;
  /**
   * A socket that has not opened, or a call not answered, after this long is given up (default
   * 30 s, past the core's own 15 s limit on a server request): a connection cut without a word
   * looks open forever.
   */
  giveUpAfterMs?: number;
}

/** In the browser host: one WebSocket to the core, reconnecting by itself. */
export function createWsTransport(url: string, options: WsTransportOptions = {}): Transport & { close(): void } {
  const waitForLinkMs = options.waitForLinkMs ?? 10_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 30_000;
  const open: (to: string) => SocketLike = options.open ?? ((to) => new WebSocket(to));
  let socket: SocketLike | null = null;
  let state: LinkState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  let closed = false;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, (envelope: unknown) => void>();
  const waiting = new Set<(ready: boolean) => void>();
  const eventListeners = new Set<(frame: unknown) => void>();
  const stateListeners = new Set<(state: LinkState) => void>();

  const setState = (next: LinkState) => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  /** Every answer still owed on a lost socket fails: whether the call ran is unknown, so say so rather than guess. */
  const failPending = (message: string) => {
    const owed = [...pending.values()];
    pending.clear();
    for (const resolve of owed) resolve(fail('unavailable', message));
  };

  /** The socket is dead (closed, or silent past the limit): nothing more is taken from it, and a new one is made. */
  const lost = (ws: SocketLike, message: string) => {
    if (socket !== ws) return;
    socket = null;
    ws.close();
    failPending(message);
    if (closed) return;
    setState('closed');
    const delay = reconnectDelays[Math.min(attempt++, reconnectDelays.length - 1)];
    reconnect = setTimeout(connect, delay);
  };

  const connect = () => {
    reconnect = null;
    const ws = open(url);
    socket = ws;
    const opening = setTimeout(() => lost(ws, 'The workstation core did not accept the connection in time.'), giveUpAfterMs);
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      clearTimeout(opening);
      attempt = 0;
      setState('open');
      const ready = [...waiting];
      waiting.clear();
      for (const resume of ready) resume(true);
    });
    ws.addEventListener('message', (message) => {
      // A socket given up on may still deliver; its answers were already failed and its events come again on the new one.
      if (socket !== ws) return;
      let json: unknown;
      try {
        json = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const parsed = wsServerMessageSchema.safeParse(json);
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'result') {
        const resolve = pending.get(frame.id);
        pending.delete(frame.id);
        resolve?.(frame.result);
      } else if (frame.type === 'event') {
        for (const listener of eventListeners) listener({ event: frame.event, payload: frame.payload });
      }
    });
    // A close always follows.
    ws.addEventListener('error', () => {});
    ws.addEventListener('close', () => {
      clearTimeout(opening);
      lost(ws, 'The connection to the workstation core was lost before it answered; check whether the change was made, then try again.');
    });
  };
  connect();

  const send = (ws: SocketLike, call: string, input: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        resolve(fail('unavailable', 'The workstation core did not answer in time; check whether the change was made, then try again.'));
        lost(ws, 'The workstation core stopped answering.');
      }, giveUpAfterMs);
      pending.set(id, (envelope) => {
        clearTimeout(timer);
        resolve(envelope);
      });
      ws.send(JSON.stringify({ type: 'invoke', id, call, input }));
    });

  const unreachable = () => fail('unavailable', 'The workstation core is not reachable; try again in a moment.');

  return {
    invoke(call, input) {
      if (closed) return Promise.resolve(unreachable());
      if (state === 'open' && socket) return send(socket, call, input);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(resume);
          resolve(unreachable());
        }, waitForLinkMs);
        const resume = (ready: boolean) => {
          clearTimeout(timer);
          resolve(ready && socket ? send(socket, call, input) : unreachable());
        };
        waiting.add(resume);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    linkState: () => state,
    onLinkState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    /** Stops reconnecting and answers every call still owed: the page is going away. */
    close() {
      closed = true;
      if (reconnect) clearTimeout(reconnect);
      if (socket) lost(socket, 'The connection to the workstation core was closed.');
      const stranded = [...waiting];
      waiting.clear();
      for (const resume of stranded) resume(false);
      setState('closed');
    },
  };
}
