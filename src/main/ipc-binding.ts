import { ipcChannels, invokeRequestSchema } from '../shared/contract/wire';
import { type Envelope, fail, toFieldIssues } from '../shared/result';
import type { Dispatch } from './dispatch';

/** The part of Electron's IpcMainInvokeEvent this binding reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's ipcMain this binding uses; structural so tests run under plain Node. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, request: unknown) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

/**
 * Calls are answered only for the top frame of our own renderer: an iframe or a page the window was
 * somehow navigated to never reaches the core. `rendererUrl` is the URL the window loads: app://
 * when built, the dev server's http:// under `electron-vite dev`. Compared by scheme and host, not
 * URL.origin, which is "null" for every app:// URL alike. file: has no host to tell pages apart,
 * which is one reason the window never loads from it.
 */
export function createSenderCheck(rendererUrl: string): (event: InvokeEventLike) => boolean {
  const expected = new URL(rendererUrl);
  if (expected.protocol === 'file:') throw new Error('The renderer must be served from app://, not file://.');
  return ({ senderFrame }) => {
    if (!senderFrame || senderFrame.parent !== null) return false;
    let actual: URL;
    try {
      actual = new URL(senderFrame.url);
    } catch {
      return false;
    }
    return actual.protocol === expected.protocol && actual.host === expected.host;
  };
}

/** Binds the whole contract to one invoke channel. Returns the function that unbinds it. */
export function bindIpc(ipc: IpcMainLike, dispatch: Dispatch, isTrustedSender: (event: InvokeEventLike) => boolean) {
  ipc.handle(ipcChannels.invoke, async (event, request) => {
    if (!isTrustedSender(event)) {
      return fail('forbidden', 'This frame may not call the workstation core.');
    }
    const parsed = invokeRequestSchema.safeParse(request);
    if (!parsed.success) {
      return fail('invalid_request', 'A call must be { call, input }.', toFieldIssues(parsed.error));
    }
    return dispatch(parsed.data.call, parsed.data.input);
  });
  return () => ipc.removeHandler(ipcChannels.invoke);
}
