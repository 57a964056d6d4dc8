import type { User } from '../../shared/server-api/auth';
import type { Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import { hashToken, newToken } from './token-hash';

/**
 * Told on commit when sessions end, with `session:<token hash>` or `user:<id>` and nothing else:
 * every server process re-reads those sessions and closes the live sockets that lost theirs.
 */
export const sessionsChannel = 'hotline_sessions';

export async function createSession(db: Queryable, userId: string, hours: number, workstationId?: string) {
  const token = newToken();
  const [row] = await db.query<{ expires_at: Date }>(
    sql`INSERT INTO sessions (token_hash, user_id, workstation_id, expires_at)
     VALUES (${hashToken(token)}, ${userId}, ${workstationId ?? null}, now() + make_interval(secs => ${hours * 3600}))
     RETURNING expires_at`,
  );
  return { token, expiresAt: row!.expires_at.toISOString() };
}

interface SessionUserRow {
  token_hash: string;
  expires_at: Date;
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  unit_code: string | null;
}

/** A session that is live now: its id (the token's hash), its user and when it ends. */
export interface LiveSession {
  id: string;
  user: User;
  expiresAt: Date;
}

const toLiveSession = (row: SessionUserRow): LiveSession => ({
  id: row.token_hash,
  expiresAt: row.expires_at,
  user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitCode: row.unit_code },
});

/** Of the given session ids, those still live, by id. */
export async function liveSessions(db: Queryable, ids: readonly string[]): Promise<Map<string, LiveSession>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<SessionUserRow>(
    sql`SELECT s.token_hash, s.expires_at, u.id, u.username, u.display_name, u.role, u.unit_code
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${anyOf(ids, 'text')} AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
  );
  return new Map(rows.map((row) => [row.token_hash, toLiveSession(row)]));
}

export async function sessionForToken(db: Queryable, token: string): Promise<LiveSession | null> {
  return (await liveSessions(db, [hashToken(token)])).values().next().value ?? null;
}

/** The user a live token belongs to, or null for an unknown, expired or revoked token. */
export async function userForToken(db: Queryable, token: string): Promise<User | null> {
  return (await sessionForToken(db, token))?.user ?? null;
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.query(
    sql`WITH ended AS (
       UPDATE sessions SET revoked_at = now() WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL RETURNING token_hash)
     SELECT pg_notify(${sessionsChannel}, 'session:' || token_hash) FROM ended`,
  );
}

/** Ends every session of a user, and tells every server process to close that user's sockets. */
export async function revokeUserSessions(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ revoked: number }>(
    sql`WITH ended AS (
       UPDATE sessions SET revoked_at = now() WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > now() RETURNING 1)
     SELECT (SELECT count(*) FROM ended)::int AS revoked, pg_notify(${sessionsChannel}, 'user:' || ${userId}::text)`,
  );
  return row!.revoked;
}
