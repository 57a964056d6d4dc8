import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

/**
 * A statement prepared once per connection and reused. Refolding a ticket runs a dozen small
 * queries; preparing them each time cost more than running them (a third of a bootstrap's CPU).
 * Only for fixed SQL text: text built from data would grow the cache without end.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  source: string,
): Database.Statement<P extends unknown[] ? P : [P], R> {
  const cache = db.caches.statements;
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare(source);
    cache.set(source, statement);
  }
  // One map holds statements of every shape; the caller's types describe its own SQL text, which
  // is the key, so the statement found is the one prepared for these parameters and rows.
  // eslint-disable-next-line no-restricted-syntax -- the SQL text is the key: the statement found is the one prepared for it
  return statement as unknown as Database.Statement<P extends unknown[] ? P : [P], R>;
}
