import { readFileSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { bakedUpdateUrl, updateFeedFor } from '../host-env';

function readAppUpdateYml(): string | null {
  try {
    return readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Checks the operator's update server when the packaged app starts. The URL is baked in at
 * packaging time (electron-builder.yml, `HOTLINE_UPDATE_URL`) and can be overridden at run time
 * with the same variable; with neither, or with a URL that is not https, updates are off.
 */
export function startUpdateChecks(log: Pick<Console, 'info' | 'warn' | 'error' | 'debug'>): void {
  const feed = updateFeedFor(app.isPackaged, process.env, app.isPackaged ? bakedUpdateUrl(readAppUpdateYml()) : null, log);
  if (feed.kind === 'off') return;
  const { autoUpdater } = electronUpdater;
  if (feed.kind === 'override') autoUpdater.setFeedURL({ provider: 'generic', url: feed.url });
  autoUpdater.logger = log;
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    log.warn('[updates] check failed; the workstation keeps running this version', error);
  });
}
