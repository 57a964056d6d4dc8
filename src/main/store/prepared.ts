import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * A statement prepared once per connection and reused. Refolding a ticket runs a dozen small
 * queries; preparing them each time cost more than running them (a third of a bootstrap's CPU).
 * Only for fixed SQL text: text built from data would grow the cache without end.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, source: string): Database.Statement<P extends unknown[] ? P : [P], R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare(source);
    cache.set(source, statement);
  }
  return statement as unknown as Database.Statement<P extends unknown[] ? P : [P], R>;
}
