import { v7 } from 'uuid';
import type { Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';

/** Saves a lead's notice; the caller announces it in the same transaction. */
export async function saveNotice(tx: Queryable, text: string, sentBy: string): Promise<{ id: string; sentAt: Date }> {
  const [saved] = await tx.query<{ id: string; sent_at: Date }>(
    sql`INSERT INTO notices (id, text, sent_by) VALUES (${v7()}, ${text}, ${sentBy}) RETURNING id, sent_at`,
  );
  return { id: saved!.id, sentAt: saved!.sent_at };
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
