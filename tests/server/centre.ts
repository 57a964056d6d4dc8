import { migrateServer } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/database';
import { seedDemoUsers, seedReference } from '../../src/server/seed/seed';

/** What server tests start from: the schema, the reference data and the demo users; no tickets. */
export async function prepareCentre(db: Database): Promise<void> {
  await migrateServer(db);
  await seedReference(db);
  await seedDemoUsers(db);
}
