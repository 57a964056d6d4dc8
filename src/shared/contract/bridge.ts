/** IPC channels between preload and main: one for calls, one for pushed events. */
export const ipcChannels = { invoke: 'hotline:invoke', event: 'hotline:event' } as const;

/**
 * What the preload exposes on `window.hotline`: two functions, nothing else. The typed API is
 * built on top of it in the renderer, from the contract.
 */
export interface HotlineBridge {
  invoke(call: string, input: unknown): Promise<unknown>;
  subscribe(listener: (frame: unknown) => void): () => void;
}
