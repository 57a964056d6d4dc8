import type { Database } from 'better-sqlite3';

/**
 * Every row of every table, for proving that a refused call changed nothing: compare before and
 * after. Row order is fixed by rowid so the comparison is exact.
 */
export function dbState(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
