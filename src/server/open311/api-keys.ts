import { v7 } from 'uuid';
import { hashToken, newToken } from '../auth/token-hash';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';

/** Issues an Open311 API key (or a new one for the same client name, which revokes the old). Shown once. */
export async function issueApiKey(db: Queryable, name: string): Promise<{ id: string; name: string; apiKey: string }> {
  const apiKey = newToken();
  const [row] = await db.query<{ id: string }>(
    sql`INSERT INTO open311_keys (id, name, key_hash) VALUES (${v7()}, ${name}, ${hashToken(apiKey)})
     ON CONFLICT (name) DO UPDATE SET key_hash = excluded.key_hash, revoked_at = NULL, created_at = now() RETURNING id`,
  );
  return { id: row!.id, name, apiKey };
}

export async function revokeApiKey(db: Queryable, id: string): Promise<boolean> {
  return (await db.query(sql`UPDATE open311_keys SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL RETURNING id`)).length > 0;
}

export async function listApiKeys(db: Queryable) {
  const rows = await db.query<{ id: string; name: string; created_at: Date; revoked_at: Date | null }>(
    sql`SELECT id, name, created_at, revoked_at FROM open311_keys ORDER BY name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/** The client a key belongs to, or null for an unknown or revoked key. */
export async function clientForKey(db: Queryable, apiKey: string): Promise<string | null> {
  const [row] = await db.query<{ name: string }>(
    sql`SELECT name FROM open311_keys WHERE key_hash = ${hashToken(apiKey)} AND revoked_at IS NULL`,
  );
  return row?.name ?? null;
}
