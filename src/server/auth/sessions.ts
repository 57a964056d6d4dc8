import type { User } from '../../shared/server-api/auth';
import type { Queryable } from '../db/database';
import { hashToken, newToken } from './token-hash';


export async function createSession(db: Queryable, userId: string, hours: number, workstationId?: string) {
  const token = newToken();
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, workstation_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING expires_at`,
    [hashToken(token), userId, workstationId ?? null, hours * 3600],
  );
  return { token, expiresAt: row!.expires_at.toISOString() };
}

interface SessionUserRow {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  unit_code: string | null;
}

/** The user a live token belongs to, or null for an unknown, expired or revoked token. */
export async function userForToken(db: Queryable, token: string): Promise<User | null> {
  const [row] = await db.query<SessionUserRow>(
    `SELECT u.id, u.username, u.display_name, u.role, u.unit_code
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
    [hashToken(token)],
  );
  return row ? { id: row.id, username: row.username, displayName: row.display_name, role: row.role, unitCode: row.unit_code } : null;
}

export async function revokeSession(db: Queryable, token: string): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [hashToken(token)]);
}

export async function revokeUserSessions(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING 1`, [userId]);
  return rows.length;
}
