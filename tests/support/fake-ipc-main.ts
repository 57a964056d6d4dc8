import { ipcChannels } from '../../src/shared/contract/bridge';
import type { InvokeEventLike, IpcMainLike } from '../../src/main/ipc-binding';
import type { Envelope } from '../../src/shared/result';

/** Stands in for Electron's ipcMain, whose binary cannot run here: it records the handlers bound. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, request: unknown) => Promise<Envelope<unknown>>>();
  handle(channel: string, listener: (event: InvokeEventLike, request: unknown) => Promise<Envelope<unknown>>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(url: string, request: unknown, parent: unknown = null) {
    const handler = this.handlers.get(ipcChannels.invoke);
    if (!handler) throw new Error('nothing bound');
    return handler({ senderFrame: { url, parent } }, request);
  }
}
