import { app } from 'electron';
import electronUpdater from 'electron-updater';

/**
 * Checks the operator's update server when the packaged app starts. The URL is baked in at
 * packaging time (electron-builder.yml, `HOTLINE_UPDATE_URL`) and can be overridden at run time
 * with the same variable; with neither, updates are off.
 */
export function startUpdateChecks(log: Pick<Console, 'info' | 'warn' | 'error' | 'debug'>): void {
  if (!app.isPackaged) return;
  const { autoUpdater } = electronUpdater;
  const override = process.env.HOTLINE_UPDATE_URL;
  if (override) autoUpdater.setFeedURL({ provider: 'generic', url: override });
  autoUpdater.logger = log;
  autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    log.warn('[updates] check failed; the workstation keeps running this version', error);
  });
}
