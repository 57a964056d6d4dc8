interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The real migrations plus one that counts how often it ran: a runner that applied a migration
 * twice would leave two rows (the real ones may be idempotent and not show it).
 */
export const countedMigrations = <M extends Migration>(migrations: readonly M[]): Migration[] => [
  ...migrations,
  {
    version: migrations.length + 1,
    name: 'count runs',
    sql: 'CREATE TABLE IF NOT EXISTS migration_runs (n INTEGER NOT NULL); INSERT INTO migration_runs (n) VALUES (1);',
  },
];
