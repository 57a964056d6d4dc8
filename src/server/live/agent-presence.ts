import type { HandAnswered, PresenceState } from '../../shared/server-api/presence';
import type { Database, Queryable } from '../db/database';
import { type SqlFragment, sql } from '../db/sql';
import { announce } from './announcements';

export interface PresenceChange {
  state: PresenceState;
  /** The break reason's code with `break`, else null. */
  reason: string | null;
  workstationId: string | null;
  /** The session the change comes with: nothing is set once it has ended. Null: the server's own doing. */
  sessionId: string | null;
}

/** Why a presence cannot be taken as sent, or null: a break needs a reason the centre lists, nothing else takes one. */
export async function presenceRefusal(db: Queryable, state: PresenceState, reason: string | null): Promise<string | null> {
  if (state === 'disconnected') return 'The server sets "disconnected" itself when the last socket closes.';
  if (state !== 'break') return reason === null ? null : `Only a break takes a reason; send "${state}" without one.`;
  if (reason === null) return "A break needs a reason: one of the centre's break reasons (reference data, kind breakReason).";
  const known = await db.query(sql`SELECT 1 FROM reference_items WHERE kind = 'breakReason' AND code = ${reason} AND NOT deleted`);
  return known.length > 0
    ? null
    : `No break reason "${reason}"; pick one of the centre's break reasons (reference data, kind breakReason).`;
}

/** True while the session is live (or when there is none to check: the server itself sets presence). */
const sessionLive = (sessionId: string | null): SqlFragment =>
  sql`(${sessionId}::text IS NULL OR EXISTS (
    SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${sessionId} AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled))`;

/** Taken for the transaction: one agent's presence changes one at a time, from every socket and process. */
const lockAgent = (tx: Queryable, userId: string) => tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${userId}, 11))`);

/**
 * Records an agent's state and tells every process's leads. A new state or break reason closes
 * the agent's open span and starts the next, so time in each state adds up across restarts and
 * workstations; the same state again changes nothing but the workstation.
 */
export async function recordPresence(db: Database, userId: string, change: PresenceChange): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAgent(tx, userId);
    const [live] = await tx.query<{ ok: boolean }>(sql`SELECT ${sessionLive(change.sessionId)} AS ok`);
    if (!live?.ok) return false;
    const [before] = await tx.query<{ state: string; reason: string | null }>(
      sql`SELECT state, reason FROM presence WHERE user_id = ${userId}`,
    );
    const changed = !before || before.state !== change.state || before.reason !== change.reason;
    await tx.query(
      sql`INSERT INTO presence (user_id, workstation_id, state, reason, since)
       VALUES (${userId}, ${change.workstationId}, ${change.state}, ${change.reason}, now())
       ON CONFLICT (user_id) DO UPDATE SET workstation_id = excluded.workstation_id, state = excluded.state, reason = excluded.reason,
         since = CASE WHEN ${changed} THEN now() ELSE presence.since END`,
    );
    if (changed) {
      await tx.query(sql`UPDATE presence_spans SET ended_at = greatest(now(), started_at) WHERE user_id = ${userId} AND ended_at IS NULL`);
      if (change.state !== 'disconnected')
        await tx.query(
          sql`INSERT INTO presence_spans (user_id, state, reason, started_at) VALUES (${userId}, ${change.state}, ${change.reason}, now())`,
        );
    }
    await announce(tx, 'presence', userId);
    return true;
  });
}

/**
 * Raises or lowers the agent's hand. Raising again keeps the first time (the wait shown is the
 * whole wait) and forgets who answered the hand before.
 */
export async function recordHand(db: Database, userId: string, raised: boolean, sessionId: string | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAgent(tx, userId);
    const rows = await tx.query(
      sql`UPDATE presence SET
         help_answered_by = CASE WHEN ${raised} AND help_since IS NULL THEN NULL ELSE help_answered_by END,
         help_since = CASE WHEN ${raised} THEN coalesce(help_since, now()) ELSE NULL END
       WHERE user_id = ${userId} AND ${sessionLive(sessionId)}
       RETURNING user_id`,
    );
    if (rows.length === 0) return false;
    await announce(tx, 'presence', userId);
    return true;
  });
}

/**
 * A lead answers an agent's raised hand (null: the one raised longest ago); null when there is no
 * such hand. Two leads answering at once: one gets it, the other is told nobody waits.
 */
export async function answerHand(db: Database, username: string | null, leadName: string): Promise<HandAnswered | null> {
  return db.transaction(async (tx) => {
    const [agent] = await tx.query<{ id: string; username: string; display_name: string }>(
      username === null
        ? sql`SELECT u.id, u.username, u.display_name FROM presence p JOIN users u ON u.id = p.user_id
           WHERE p.help_since IS NOT NULL ORDER BY p.help_since, u.username LIMIT 1`
        : sql`SELECT id, username, display_name FROM users WHERE username = ${username}`,
    );
    if (!agent) return null;
    await lockAgent(tx, agent.id);
    const [row] = await tx.query<{ raised_at: Date }>(
      sql`UPDATE presence p SET help_since = NULL, help_answered_by = ${leadName}
       FROM (SELECT help_since FROM presence WHERE user_id = ${agent.id}) before
       WHERE p.user_id = ${agent.id} AND before.help_since IS NOT NULL
       RETURNING before.help_since AS raised_at`,
    );
    if (!row) return null;
    await announce(tx, 'hand', agent.id);
    return { username: agent.username, displayName: agent.display_name, answeredBy: leadName, raisedAt: row.raised_at.toISOString() };
  });
}
