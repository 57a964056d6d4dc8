import { BrowserWindow, type Rectangle, screen } from 'electron';
import { z } from 'zod';
import type { Db } from '../store/database';
import { readSetting, writeSetting } from '../store/settings-store';

const boundsKey = 'window.bounds';
const boundsSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});

/** A saved position is used only if it still lies on a connected display (monitors change). */
function visibleBounds(saved: z.infer<typeof boundsSchema> | undefined): Partial<Rectangle> {
  if (!saved) return { width: 1440, height: 900 };
  const area = screen.getDisplayMatching(saved).workArea;
  const overlaps =
    saved.x < area.x + area.width && saved.x + saved.width > area.x && saved.y < area.y + area.height && saved.y + saved.height > area.y;
  return overlaps ? saved : { width: saved.width, height: saved.height };
}

export interface MainWindowOptions {
  db: Db;
  preload: string;
  rendererUrl: string;
}

/** The one workstation window: isolated, sandboxed, no Node; its size and place remembered. */
export function createMainWindow({ db, preload, rendererUrl }: MainWindowOptions): BrowserWindow {
  const saved = readSetting(db, boundsKey, boundsSchema);
  const win = new BrowserWindow({
    ...visibleBounds(saved),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Hotline Workstation',
    webPreferences: {
      // The preload exposes two functions through contextBridge and nothing else (src/preload/index.ts).
      preload: /*! eng-disable PRELOAD_JS_CHECK */ preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would open a link in a new window; window.open is denied anyway (index.ts).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = () => {
    const bounds = win.getNormalBounds();
    writeSetting(db, boundsKey, { ...bounds, maximized: win.isMaximized() }, new Date().toISOString());
  };
  win.on('close', remember);

  void win.loadURL(rendererUrl);
  return win;
}
