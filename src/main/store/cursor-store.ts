import type { Db } from './database';
import { prepared } from './prepared';

/** The event stream's cursor: the server sequence number this cache has everything up to. */
export const eventsStream = 'events';

export function readCursor(db: Db, stream = eventsStream): number {
  const row = prepared<[string], { cursor: string }>(db, `SELECT cursor FROM sync_cursors WHERE stream = ?`).get(stream);
  return row ? Number(row.cursor) : 0;
}

/** Moves a stream's cursor; call in the transaction that stores what it covers. */
export function writeCursor(db: Db, stream: string, cursor: number | string, now: string): void {
  prepared(
    db,
    `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(stream, String(cursor), now);
}
