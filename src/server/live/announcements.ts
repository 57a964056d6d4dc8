import type { LiveServerMessage } from '../../shared/server-api/live';
import type { PresenceState } from '../../shared/server-api/presence';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { noticeInForce } from '../monitor/notices';

export const liveChannel = 'hotline_live';

/**
 * What `hotline_live` announces, as `<kind>:<id>`: the receiver reads the row, so no payload
 * outgrows NOTIFY. `reference:<version>`: reference data was written up to that version.
 */
export type AnnouncementKind = 'presence' | 'hand' | 'notice' | 'incident' | 'reference';

/** Tells every server process, on commit of `db`'s transaction, that a row changed. */
export async function announce(db: Queryable, kind: AnnouncementKind, id: string): Promise<void> {
  await db.query(sql`SELECT pg_notify(${liveChannel}, ${`${kind}:${id}`})`);
}

/**
 * The message a `presence:<user id>`, `hand:<user id>` or `notice:<id>` announcement stands for, read
 * from its row now. Only `hand` (a lead answered) names who answered: a presence message sent for
 * anything else must not tell a workstation that has since raised a new hand that it was answered.
 */
export async function readAnnouncement(db: Queryable, kind: 'presence' | 'hand' | 'notice', id: string): Promise<LiveServerMessage | null> {
  if (kind === 'presence' || kind === 'hand') {
    const [row] = await db.query<{
      user_id: string;
      username: string;
      state: PresenceState;
      since: Date;
      reason: string | null;
      help_since: Date | null;
      help_answered_by: string | null;
    }>(
      sql`SELECT p.user_id, u.username, p.state, p.since, p.reason, p.help_since, p.help_answered_by
       FROM presence p JOIN users u ON u.id = p.user_id WHERE p.user_id = ${id}::uuid`,
    );
    if (!row) return null;
    return {
      type: 'presence',
      userId: row.user_id,
      username: row.username,
      state: row.state,
      since: row.since.toISOString(),
      reason: row.reason,
      helpSince: row.help_since?.toISOString() ?? null,
      helpAnsweredBy: kind === 'hand' ? row.help_answered_by : null,
    };
  }
  // A notice no longer in force (withdrawn, expired, or never sent) comes off every status bar.
  const notice = await noticeInForce(db, id);
  return notice ? { type: 'notice', notice } : { type: 'notice_withdrawn', id };
}
