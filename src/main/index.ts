/**
 * The Electron entry: windows, session hardening and the IPC binding. Everything else is the
 * plain-Node core (`core.ts`), which the browser host runs too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { ipcChannels } from '../shared/contract/bridge';
import { cacheScopeFromEnv, lockMinutesFromEnv, rendererUrlFor } from './host-env';
import { type Core, openCore, sealedCacheKey } from './core';
import { safeStorageSealer } from './electron/safe-storage-sealer';
import { createMainWindow } from './electron/window';
import { readKeyPolicy } from './store/sealed-key';
import { readStatic } from './web/static-files';
import { startUpdateChecks } from './electron/updater';
import { bindIpc, createSenderCheck } from './ipc-binding';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
// The built app serves its files over app:// (a real origin, CSP as a header, no file: privileges),
// never file://; only `electron-vite dev` loads from its dev server.
const rendererUrl = rendererUrlFor(app.isPackaged, process.env, console);

// Must happen before `ready`. standard: relative URLs resolve; secure: like https for the page.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

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

  const start = async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle('app', async (request) => {
      const answer = await readStatic(rendererDir, request.method, request.url);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    });

    const dataDir = app.getPath('userData');
    core = openCore({
      dataDir,
      cacheKey: await sealedCacheKey(dataDir, safeStorageSealer, readKeyPolicy()),
      host: 'electron',
      version: app.getVersion(),
      serverUrl: process.env.HOTLINE_SERVER_URL || undefined,
      cacheScope: cacheScopeFromEnv(),
      lockAfterMinutes: lockMinutesFromEnv(),
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
  };
  // The cache cannot be opened (key refused, keystore missing): say why and stop, store nothing.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Hotline Workstation', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.close());
}
