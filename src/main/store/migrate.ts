import type { Database } from 'better-sqlite3-multiple-ciphers';
import { type Migration, migrations as allMigrations } from './migrations';

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
 * Brings the schema forward to `target`, one transaction per migration, so a crash mid-way
 * leaves the database at the last whole version. Refuses a database newer than the app.
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations, target = migrations.length): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  for (const migration of migrations.slice(current, target)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
