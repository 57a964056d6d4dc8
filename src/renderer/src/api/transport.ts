/** Whether the UI can reach the workstation core (always, over IPC; over a WebSocket, not always). */
export type LinkState = 'connecting' | 'open' | 'closed';

/**
 * How the renderer reaches the core: IPC inside Electron, a WebSocket in the browser host.
 * The UI never knows which; the typed client in `client.ts` sits on top.
 */
export interface Transport {
  /** Resolves with the raw envelope the core answered; never rejects. */
  invoke(call: string, input: unknown): Promise<unknown>;
  /** Raw pushed-event frames `{ event, payload }`. */
  subscribe(listener: (frame: unknown) => void): () => void;
  linkState(): LinkState;
  onLinkState(listener: (state: LinkState) => void): () => void;
}
