import type { User } from '../../shared/server-api/auth';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';

export type AuditActor = Pick<User, 'username' | 'role'> | { username: string; role: 'open311' };

/** Records that `actor` read these tickets (nothing when the list is empty). */
export async function auditRead(db: Queryable, actor: AuditActor, ticketIds: readonly string[], detail: string): Promise<void> {
  if (ticketIds.length === 0) return;
  await db.query(
    sql`INSERT INTO audit_log (actor, role, action, ticket_ids, detail)
        VALUES (${actor.username}, ${actor.role}, 'read', ${ticketIds}::uuid[], ${detail})`,
  );
}

/** Records an action of `actor` on tickets that is not a ticket event (publishing one on Open311). */
export async function auditAction(
  db: Queryable,
  actor: AuditActor,
  action: 'publish' | 'unpublish',
  ticketIds: readonly string[],
  detail: string,
): Promise<void> {
  await db.query(
    sql`INSERT INTO audit_log (actor, role, action, ticket_ids, detail)
        VALUES (${actor.username}, ${actor.role}, ${action}, ${ticketIds}::uuid[], ${detail})`,
  );
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: 'read' | 'change' | 'publish' | 'unpublish';
  detail: string;
}

/** Everything that happened to one ticket: its reads from the audit log and its changes from the event log. */
export async function ticketAudit(db: Queryable, ticketId: string): Promise<AuditEntry[]> {
  const rows = await db.query<{ at: Date; actor: string; action: AuditEntry['action']; detail: string }>(
    sql`SELECT at, actor, action, detail, id AS tiebreak FROM audit_log WHERE ticket_ids @> ARRAY[${ticketId}::uuid]
     UNION ALL
     SELECT e.received_at, coalesce(u.username, e.actor), 'change', e.type, e.seq FROM events e LEFT JOIN users u ON u.id = e.user_id
     WHERE e.ticket_id = ${ticketId}
     ORDER BY 1, 5`,
  );
  return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, detail: r.detail }));
}
