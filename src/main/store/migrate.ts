import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type Migration, migrations as allMigrations } from './migrations';
import { searchIndexVersionKey } from './search-index';

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `This database was written by a newer version of the workstation (schema ${found}, this app knows ${known}). ` +
        'Update the workstation before opening it; nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const schemaVersion = (db: Database): number => Number(db.pragma('user_version', { simple: true }));

/**
 * Brings the schema forward to `target`, one transaction per migration, so a failing or
 * interrupted migration leaves the database at the last whole version. Each transaction takes
 * the write lock first (IMMEDIATE) and reads the version under it, so two processes opening the
 * same cache at once take turns and never apply a migration twice. Refuses a database newer than the app.
 * Upgrading an existing cache asks for every ticket to be refolded on open (`ensureSearchIndex`).
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations, target = migrations.length): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const step = db.transaction((): boolean => {
    const current = schemaVersion(db);
    if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
    const migration = migrations[current];
    if (current >= target || !migration) return false;
    db.exec(migration.sql);
    migration.backfill?.(db);
    // The ticket projection and search index are derived: a column a migration adds is empty in the
    // rows already there. Clearing the marker makes the next open refold every ticket, and it
    // commits with the migration, so a crash in between cannot lose the refold.
    if (current > 0) db.prepare('DELETE FROM settings WHERE key = ?').run(searchIndexVersionKey);
    db.pragma(`user_version = ${migration.version}`);
    return true;
  });
  let applied = true;
  while (applied) applied = step.immediate();
  return schemaVersion(db);
}
