import type { PushedEventName, PushedPayload } from '../shared/contract';

export type EventListener = (event: PushedEventName, payload: unknown) => void;

/** Pushed events from the core to every connected UI (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private admitted: (event: PushedEventName) => boolean = () => true;

  /** Which events may reach the UIs now; the others are dropped, not queued (the UI reads afresh once allowed). */
  admit(rule: (event: PushedEventName) => boolean): void {
    this.admitted = rule;
  }

  emit<N extends PushedEventName>(event: N, payload: PushedPayload<N>): void {
    if (!this.admitted(event)) return;
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
