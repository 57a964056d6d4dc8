import type { Database } from '../db/database';
import { upsertReference } from '../reference/reference-store';
import { listUsers } from './users';

/**
 * Every user's display name as a `person` reference item, so a workstation shows who did each step
 * of a timeline by name, offline too. Only names that changed get a new version.
 */
export async function publishPeople(db: Database): Promise<number> {
  const users = await listUsers(db);
  return upsertReference(
    db,
    users.map((u) => ({ kind: 'person' as const, code: u.username, body: { name: u.displayName } })),
  );
}
