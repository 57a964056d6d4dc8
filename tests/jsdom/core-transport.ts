import type { Core } from '../../src/main/core';
import type { Transport } from '../../src/renderer/src/api/transport';

/**
 * Connects the renderer's client straight to a real core in the same process. Values are
 * structured-cloned both ways, as IPC does, so nothing is shared by reference.
 */
export function coreTransport(core: Core): Transport {
  return {
    invoke: async (call, input) => structuredClone(await core.dispatch(call, structuredClone(input))),
    subscribe: (listener) => core.bus.subscribe((event, payload) => listener(structuredClone({ event, payload }))),
    linkState: () => 'open',
    onLinkState: () => () => {},
  };
}
