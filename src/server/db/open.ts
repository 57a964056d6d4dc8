import fs from 'node:fs';
import type { ServerConfig } from '../config';
import type { Database } from './database';
import { refreshOpenDeadlines } from '../events/event-rows';
import { migrateServer } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR; migrated either way,
 * and open tickets' deadlines worked out for the time limits, calendar and zone of this start.
 */
export async function openServerDatabase(config: ServerConfig, log: Pick<Console, 'warn'> = console): Promise<Database> {
  let db: Database;
  if (config.databaseUrl) {
    db = await openPostgres(config.databaseUrl, log);
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    db = await openPglite({ dataDir: config.dataDir });
  }
  try {
    await migrateServer(db);
    await refreshOpenDeadlines(db, config.timeZone);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
