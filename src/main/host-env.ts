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
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number of ${unit} from ${min} to ${max}, got "${raw}".`);
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

export const lockMinutesFromEnv = (env: Env = process.env): number => wholeNumber(env, 'HOTLINE_LOCK_MINUTES', defaultLockMinutes, 0, 480, 'minutes');
