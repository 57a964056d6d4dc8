import type { HotlineBridge } from '../../../shared/contract/bridge';
import type { Transport } from './transport';

/** Inside Electron: the two functions the preload exposed. IPC is always there. */
export function createIpcTransport(bridge: HotlineBridge): Transport {
  return {
    invoke: (call, input) => bridge.invoke(call, input),
    subscribe: (listener) => bridge.subscribe(listener),
    linkState: () => 'open',
    onLinkState: () => () => {},
  };
}
