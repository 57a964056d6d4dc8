import type { User } from '../../shared/server-api/auth';
import type { Publication } from '../../shared/server-api/open311';
import { AppError } from '../../shared/result';
import { type TicketFields, ticketSchema } from '../../shared/domain/ticket';
import { auditAction } from '../audit/audit-log';
import type { Database } from '../db/database';
import { sql } from '../db/sql';

/** What the caller told the hotline in confidence, as it might be quoted in a summary. */
function privateParts(fields: TicketFields): string[] {
  const digits = fields.callerPhone?.replace(/\D/g, '') ?? '';
  return [fields.callerName, fields.addressDetail, digits.length >= 7 ? digits.slice(-7) : undefined].filter((part): part is string =>
    Boolean(part && part.trim().length >= 2),
  );
}

/**
 * A lead or admin makes a hotline ticket public on Open311 with a summary written for the public;
 * Open311 then shows that summary, the district and street, the service and where it stands, and
 * nothing else of the ticket. Publishing again replaces the summary. Audited.
 */
export async function publishTicket(db: Database, user: User, ticketId: string, summary: string): Promise<Publication> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ state: unknown; created_at: Date; official_no: string; source: string | null }>(
      sql`SELECT t.state, t.created_at, t.official_no, p.source FROM tickets t LEFT JOIN open311_public p ON p.ticket_id = t.id
          WHERE t.id = ${ticketId} FOR UPDATE OF t`,
    );
    if (!row) throw new AppError('not_found', `No ticket ${ticketId}.`);
    if (row.source === 'open311')
      throw new AppError(
        'conflict',
        'This request came in through Open311 and is public as its submitter posted it; there is nothing to publish.',
      );
    const ticket = ticketSchema.parse(row.state);
    if (!ticket.fields.category) throw new AppError('conflict', 'Classify the ticket first: a public request names its service.');
    const quoted = privateParts(ticket.fields).find((part) => summary.replace(/\s/g, '').includes(part.replace(/\s/g, '')));
    if (quoted) {
      throw new AppError(
        'invalid_input',
        'The public summary quotes the caller’s name, phone or address; describe the problem without them.',
        [{ path: 'summary', message: 'quotes private details of the caller' }],
      );
    }
    const [saved] = await tx.query<{ published_at: Date }>(
      sql`INSERT INTO open311_public (ticket_id, source, created_at, description, published_by)
       VALUES (${ticketId}, 'published', ${row.created_at}, ${summary}, ${user.username})
       ON CONFLICT (ticket_id) DO UPDATE SET description = excluded.description, published_by = excluded.published_by, published_at = now()
       WHERE open311_public.source = 'published'
       RETURNING published_at`,
    );
    if (!saved) throw new AppError('conflict', 'This request came in through Open311 meanwhile; there is nothing to publish.');
    await auditAction(tx, user, 'publish', [ticketId], `open311 publish: ${summary}`);
    return {
      ticketId,
      serviceRequestId: row.official_no,
      summary,
      publishedBy: user.username,
      publishedAt: saved.published_at.toISOString(),
    };
  });
}

/** Takes a published ticket off Open311 again (a request filed through Open311 stays). Audited. */
export async function unpublishTicket(db: Database, user: User, ticketId: string): Promise<{ ticketId: string; unpublished: true }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ source: string }>(sql`SELECT source FROM open311_public WHERE ticket_id = ${ticketId} FOR UPDATE`);
    if (!row) throw new AppError('not_found', `Ticket ${ticketId} is not published on Open311.`);
    if (row.source === 'open311')
      throw new AppError('conflict', 'This request came in through Open311; it is its submitter’s and stays public.');
    await tx.query(sql`DELETE FROM open311_public WHERE ticket_id = ${ticketId}`);
    await auditAction(tx, user, 'unpublish', [ticketId], 'open311 unpublish');
    return { ticketId, unpublished: true };
  });
}
