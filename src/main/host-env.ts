import { type CacheScope, defaultCacheScope } from './store/cache-scope-store';

/**
 * Operator settings from the environment, for both the Electron app and the browser host:
 *   HOTLINE_CACHE_DAYS         whole tickets of this many days (and every open one), default 30
 *   HOTLINE_CALLER_INDEX_DAYS  caller history reaching this far back, default 365
 *   HOTLINE_LOCK_MINUTES       idle minutes before the screen locks, default 10; 0 = never
 */
type Env = NodeJS.ProcessEnv;

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number of ${unit} from ${min} to ${max}, got "${raw}".`);
  return value;
}

export function cacheScopeFromEnv(env: Env = process.env): CacheScope {
  const scope = {
    ticketDays: wholeNumber(env, 'HOTLINE_CACHE_DAYS', defaultCacheScope.ticketDays, 1, 3650, 'days'),
    callerIndexDays: wholeNumber(env, 'HOTLINE_CALLER_INDEX_DAYS', defaultCacheScope.callerIndexDays, 1, 3650, 'days'),
  };
  if (scope.callerIndexDays < scope.ticketDays) throw new Error('HOTLINE_CALLER_INDEX_DAYS must be at least HOTLINE_CACHE_DAYS.');
  return scope;
}

export const defaultLockMinutes = 10;

export const lockMinutesFromEnv = (env: Env = process.env): number =>
  wholeNumber(env, 'HOTLINE_LOCK_MINUTES', defaultLockMinutes, 0, 480, 'minutes');

/** Where the packaged app's renderer is served from: its own app:// origin, nothing else. */
export const packagedRendererUrl = 'app://workstation/index.html';

/**
 * The URL the window loads, which is also the only origin the IPC check trusts. electron-vite sets
 * ELECTRON_RENDERER_URL for `electron-vite dev`; a packaged app ignores it, or anyone able to set
 * an environment variable could hand the core's whole API to a page of their own.
 */
export function rendererUrlFor(packaged: boolean, env: Env, log: Pick<Console, 'warn'>): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!dev) return packagedRendererUrl;
  if (!packaged) return dev;
  log.warn(`[host] ELECTRON_RENDERER_URL is set but ignored: a packaged app serves only its own renderer (${packagedRendererUrl}).`);
  return packagedRendererUrl;
}

/** What the updater does: nothing, read the URL baked in at packaging time, or use an https override. */
export type UpdateFeed = { kind: 'off' } | { kind: 'baked' } | { kind: 'override'; url: string };

/**
 * Updates run only in a packaged app and only over https: an update is code the workstation will
 * run, so a feed anyone on the network path can answer is refused, and updates stay off.
 * `baked` is the URL electron-builder wrote into app-update.yml (null when there is none).
 */
export function updateFeedFor(packaged: boolean, env: Env, baked: string | null, log: Pick<Console, 'error'>): UpdateFeed {
  if (!packaged) return { kind: 'off' };
  const override = env.HOTLINE_UPDATE_URL;
  const url = override || baked;
  if (!url) return { kind: 'off' };
  const source = override ? 'HOTLINE_UPDATE_URL' : 'the update URL built into this package';
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    log.error(`[updates] ${source} ("${url}") is not a URL; updates are off. Set an https:// URL.`);
    return { kind: 'off' };
  }
  if (protocol !== 'https:') {
    log.error(`[updates] ${source} ("${url}") is not https; updates are off. Updates are only fetched over https://.`);
    return { kind: 'off' };
  }
  return override ? { kind: 'override', url: override } : { kind: 'baked' };
}

/** The `url:` line of electron-updater's app-update.yml (written by electron-builder), or null. */
export function bakedUpdateUrl(appUpdateYml: string | null): string | null {
  const line = appUpdateYml?.match(/^url:\s*['"]?([^'"\s]+)['"]?\s*$/m);
  return line ? line[1]! : null;
}
