import type { LiveServerMessage } from '../../shared/server-api/live';
import type { presenceStates } from '../../shared/server-api/presence';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { noticeInForce } from '../monitor/notices';

/** The message a `presence:<user id>` or `notice:<id>` announcement stands for, read from its row now. */
export async function readAnnouncement(db: Queryable, kind: 'presence' | 'notice', id: string): Promise<LiveServerMessage | null> {
  if (kind === 'presence') {
    const [row] = await db.query<{ user_id: string; username: string; state: (typeof presenceStates)[number]; since: Date }>(
      sql`SELECT p.user_id, u.username, p.state, p.since FROM presence p JOIN users u ON u.id = p.user_id WHERE p.user_id = ${id}::uuid`,
    );
    return row ? { type: 'presence', userId: row.user_id, username: row.username, state: row.state, since: row.since.toISOString() } : null;
  }
  // A notice no longer in force (withdrawn, expired, or never sent) comes off every status bar.
  const notice = await noticeInForce(db, id);
  return notice ? { type: 'notice', notice } : { type: 'notice_withdrawn', id };
}
