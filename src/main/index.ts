/**
 * The Electron entry: windows, session hardening and the IPC binding. Everything else is the
 * plain-Node core (`core.ts`), which the browser host runs too.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, type BrowserWindow, ipcMain, session } from 'electron';
import { ipcChannels } from '../shared/contract/bridge';
import { cacheScopeFromEnv } from './cache-scope-env';
import { type Core, openCore } from './core';
import { createMainWindow } from './electron/window';
import { startUpdateChecks } from './electron/updater';
import { bindIpc, createSenderCheck } from './ipc-binding';

const here = path.dirname(fileURLToPath(import.meta.url));
// electron-vite sets ELECTRON_RENDERER_URL for `electron-vite dev`; the built app loads its files.
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two instances on one cache would race each other's writes; hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Applies to every web contents the app ever creates, not only the main window.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    core = openCore({
      dataDir: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      serverUrl: process.env.HOTLINE_SERVER_URL || undefined,
      cacheScope: cacheScopeFromEnv(),
    });
    bindIpc(ipcMain, core.dispatch, createSenderCheck(rendererUrl));
    const win = createMainWindow({ db: core.db, preload: path.join(here, '../preload/index.cjs'), rendererUrl });
    mainWindow = win;
    const unsubscribe = core.bus.subscribe((event, payload) => {
      if (!win.isDestroyed()) win.webContents.send(ipcChannels.event, { event, payload });
    });
    win.on('closed', () => {
      unsubscribe();
      mainWindow = null;
    });
    startUpdateChecks(console);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.close());
}
