import { type CacheScope, defaultCacheScope } from './store/cache-scope-store';

/**
 * The cache scope from the environment, for both the Electron app and the browser host:
 *   HOTLINE_CACHE_DAYS         whole tickets of this many days (and every open one), default 30
 *   HOTLINE_CALLER_INDEX_DAYS  caller history reaching this far back, default 365
 */
export function cacheScopeFromEnv(env: NodeJS.ProcessEnv = process.env): CacheScope {
  const days = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 3650) throw new Error(`${name} must be a whole number of days from 1 to 3650, got "${raw}".`);
    return value;
  };
  const scope = { ticketDays: days('HOTLINE_CACHE_DAYS', defaultCacheScope.ticketDays), callerIndexDays: days('HOTLINE_CALLER_INDEX_DAYS', defaultCacheScope.callerIndexDays) };
  if (scope.callerIndexDays < scope.ticketDays) throw new Error('HOTLINE_CALLER_INDEX_DAYS must be at least HOTLINE_CACHE_DAYS.');
  return scope;
}
