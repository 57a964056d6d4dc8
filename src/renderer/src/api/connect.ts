import type { HotlineBridge } from '../../../shared/contract/bridge';
import { wsPath } from '../../../shared/contract/wire';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window {
    /** Present only inside the Electron window (see src/preload). */
    hotline?: HotlineBridge;
  }
}

/** IPC when the preload is there, otherwise the browser host's WebSocket on this page's host. */
export function connectTransport(): Transport {
  if (window.hotline) return createIpcTransport(window.hotline);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport(`${scheme}://${window.location.host}${wsPath}`);
}
