/**
 * Exposes exactly two functions to the renderer; no Node, no raw ipcRenderer, no logic.
 * Sandboxed preloads must be CommonJS: see electron.vite.config.ts.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type HotlineBridge, ipcChannels } from '../shared/contract/bridge';

const bridge: HotlineBridge = {
  invoke: (call, input) => ipcRenderer.invoke(ipcChannels.invoke, { call, input }),
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, frame: unknown) => listener(frame);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('hotline', bridge);
