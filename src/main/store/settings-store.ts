import type { z } from 'zod';
import type { Db } from './database';
import { prepared } from './prepared';

/**
 * Key-value settings stored as JSON. Reads go through the caller's schema, so a value written by
 * an older version that no longer fits falls back to the default instead of breaking start-up.
 */
export function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S): z.output<S> | undefined {
  const row = prepared<[string], { value: string }>(db, `SELECT value FROM settings WHERE key = ?`).get(key);
  if (!row) return undefined;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown, now: string): void {
  prepared(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now);
}
