import type { Database, Queryable } from './database';
import { sql } from './sql';
import { initial } from './migrations/0001-initial';
import { calls } from './migrations/0002-calls';
import { open311 } from './migrations/0003-open311';
import { audit } from './migrations/0004-audit';
import { monitor } from './migrations/0005-monitor';
import { monitorDeltaIndex } from './migrations/0006-monitor-delta-index';
import { open311Public } from './migrations/0007-open311-public';
import { callWrapUp } from './migrations/0008-call-wrapup';
import { phoneKeys } from './migrations/0009-phone-keys';
import { noticeExpiry } from './migrations/0010-notice-expiry';
import { agentStates } from './migrations/0011-agent-states';
import { referenceChanges } from './migrations/0012-reference-changes';

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
  /** Rows SQL alone cannot derive (a value the shared domain code computes), in the migration's transaction after `sql`. */
  backfill?: (tx: Queryable) => Promise<void>;
}

/** Every migration ever landed, in order. Append only. */
export const serverMigrations: readonly ServerMigration[] = [
  initial,
  calls,
  open311,
  audit,
  monitor,
  monitorDeltaIndex,
  open311Public,
  callWrapUp,
  phoneKeys,
  noticeExpiry,
  agentStates,
  referenceChanges,
];

// Any fixed number: all server processes starting at once take turns migrating.
const migrationLock = 7_345_012_345;

/**
 * Brings the schema forward one migration per transaction, so a failing migration leaves the
 * database at the last good version. Each transaction first takes an advisory lock and reads the
 * version under it: server processes starting together take turns, and none applies a migration
 * another has already applied. Refuses a schema newer than this server.
 */
export async function migrateServer(db: Database, migrations: readonly ServerMigration[] = serverMigrations): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`server migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const step = () =>
    db.transaction(async (tx) => {
      await tx.query(sql`SELECT pg_advisory_xact_lock(${migrationLock})`);
      // Under the lock: two processes creating it at once would collide in the catalog.
      await tx.query(sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const [row] = await tx.query<{ version: number | null }>(sql`SELECT max(version) AS version FROM schema_migrations`);
      const current = row?.version ?? 0;
      if (current > migrations.length) {
        throw new Error(
          `The database schema is version ${current} but this server knows ${migrations.length}: update the server. Nothing was changed.`,
        );
      }
      const migration = migrations[current];
      if (!migration) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await migration.backfill?.(tx);
      await tx.query(sql`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`);
      return true;
    });
  let applied = true;
  while (applied) applied = await step();
  return migrations.length;
}

/** Splits on semicolons outside $$-quoted bodies and comments (our migrations use no other quoting of ';'). */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of sql.split('\n')) {
    const code = line.replace(/--.*$/, '');
    for (let i = 0; i < code.length; i++) {
      if (code.startsWith('$$', i)) {
        inDollar = !inDollar;
        current += '$$';
        i++;
        continue;
      }
      const ch = code[i]!;
      if (ch === ';' && !inDollar) {
        if (current.trim()) statements.push(current.trim());
        current = '';
      } else current += ch;
    }
    current += '\n';
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
