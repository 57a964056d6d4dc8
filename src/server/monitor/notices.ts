import { v7 } from 'uuid';
import type { NoticeView } from '../../shared/server-api/notices';
import type { Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';

interface NoticeRow {
  id: string;
  text: string;
  display_name: string;
  sent_at: Date;
  expires_at: Date;
}

const toView = (row: NoticeRow): NoticeView => ({
  id: row.id,
  text: row.text,
  from: row.display_name,
  at: row.sent_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
});

// The database's clock decides what is in force, the same one that stamped `sent_at`.
const inForce = sql`n.withdrawn_at IS NULL AND n.expires_at > now()`;

/** Saves a lead's notice to stay `minutes` from now; the caller announces it in the same transaction. */
export async function saveNotice(
  tx: Queryable,
  notice: { text: string; sentBy: string; minutes: number },
): Promise<{ id: string; sentAt: Date; expiresAt: Date }> {
  const [saved] = await tx.query<{ id: string; sent_at: Date; expires_at: Date }>(
    sql`INSERT INTO notices (id, text, sent_by, expires_at)
        VALUES (${v7()}, ${notice.text}, ${notice.sentBy}, now() + make_interval(mins => ${notice.minutes}::int))
        RETURNING id, sent_at, expires_at`,
  );
  return { id: saved!.id, sentAt: saved!.sent_at, expiresAt: saved!.expires_at };
}

/** The notices in force, newest first. */
export async function noticesInForce(db: Queryable): Promise<NoticeView[]> {
  const rows = await db.query<NoticeRow>(
    sql`SELECT n.id, n.text, u.display_name, n.sent_at, n.expires_at FROM notices n JOIN users u ON u.id = n.sent_by
        WHERE ${inForce} ORDER BY n.sent_at DESC, n.id DESC`,
  );
  return rows.map(toView);
}

/** One notice if it is in force now; null once it has expired or been withdrawn (or never was). */
export async function noticeInForce(db: Queryable, id: string): Promise<NoticeView | null> {
  const [row] = await db.query<NoticeRow>(
    sql`SELECT n.id, n.text, u.display_name, n.sent_at, n.expires_at FROM notices n JOIN users u ON u.id = n.sent_by
        WHERE n.id = ${id}::uuid AND ${inForce}`,
  );
  return row ? toView(row) : null;
}

/**
 * Withdraws a notice; withdrawing one already withdrawn keeps the first time and lead. Null when
 * there is no such notice.
 */
export async function withdrawNotice(tx: Queryable, id: string, by: string): Promise<{ withdrawnAt: Date } | null> {
  const [row] = await tx.query<{ withdrawn_at: Date }>(
    sql`UPDATE notices SET withdrawn_at = coalesce(withdrawn_at, now()), withdrawn_by = coalesce(withdrawn_by, ${by}::uuid)
        WHERE id = ${id}::uuid RETURNING withdrawn_at`,
  );
  return row ? { withdrawnAt: row.withdrawn_at } : null;
}

/** Creates an incident and links the tickets that exist among `ticketIds`; returns how many it linked. */
export async function createIncident(
  tx: Queryable,
  incident: { id: string; title: string; createdBy: string; ticketIds: readonly string[] },
): Promise<number> {
  await tx.query(sql`INSERT INTO incidents (id, title, created_by) VALUES (${incident.id}, ${incident.title}, ${incident.createdBy})`);
  const rows = await tx.query<{ id: string }>(
    sql`UPDATE tickets SET incident_id = ${incident.id} WHERE id = ${anyOf(incident.ticketIds, 'uuid')} RETURNING id`,
  );
  return rows.length;
}
