import { wsServerMessageSchema } from '../../../shared/contract/wire';
import { fail } from '../../../shared/result';
import type { LinkState, Transport } from './transport';

const reconnectDelays = [250, 500, 1000, 2000, 4000];
/** A call made while the link is down waits this long for it to come back. */
const waitForLinkMs = 10_000;

/** In the browser host: one WebSocket to the core, reconnecting by itself. */
export function createWsTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let attempt = 0;
  let nextId = 1;
  const pending = new Map<number, (envelope: unknown) => void>();
  const waiting = new Set<() => void>();
  const eventListeners = new Set<(frame: unknown) => void>();
  const stateListeners = new Set<(state: LinkState) => void>();

  const setState = (next: LinkState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const resume of waiting) resume();
      waiting.clear();
    };
    ws.onmessage = (message) => {
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
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event') {
        for (const listener of eventListeners) listener({ event: frame.event, payload: frame.payload });
      }
    };
    ws.onclose = () => {
      // Whether an unanswered call ran is unknown; say so rather than guess.
      for (const resolve of pending.values()) {
        resolve(fail('unavailable', 'The connection to the workstation core was lost before it answered.'));
      }
      pending.clear();
      setState('closed');
      const delay = reconnectDelays[Math.min(attempt++, reconnectDelays.length - 1)];
      setTimeout(connect, delay);
    };
  };
  connect();

  const send = (call: string, input: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket!.send(JSON.stringify({ type: 'invoke', id, call, input }));
    });

  return {
    invoke(call, input) {
      if (state === 'open') return send(call, input);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(resume);
          resolve(fail('unavailable', 'The workstation core is not reachable; try again in a moment.'));
        }, waitForLinkMs);
        const resume = () => {
          clearTimeout(timer);
          resolve(send(call, input));
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
  };
}
