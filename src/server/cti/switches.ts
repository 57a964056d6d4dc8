import { v7 } from 'uuid';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { hashToken, newToken } from '../auth/token-hash';

/**
 * Registers a phone switch, or gives an existing one a new token (the old one stops working).
 * The token is returned once and stored only as a hash.
 */
export async function issueSwitchToken(db: Queryable, name: string): Promise<{ id: string; name: string; token: string }> {
  const token = newToken();
  const [row] = await db.query<{ id: string }>(
    sql`INSERT INTO cti_switches (id, name, token_hash) VALUES (${v7()}, ${name}, ${hashToken(token)})
     ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash RETURNING id`,
  );
  return { id: row!.id, name, token };
}

export async function switchForToken(db: Queryable, token: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db.query<{ id: string; name: string }>(sql`SELECT id, name FROM cti_switches WHERE token_hash = ${hashToken(token)}`);
  return row ?? null;
}

export async function listSwitches(db: Queryable): Promise<{ id: string; name: string; createdAt: string }[]> {
  const rows = await db.query<{ id: string; name: string; created_at: Date }>(
    sql`SELECT id, name, created_at FROM cti_switches ORDER BY name`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString() }));
}
