import type { Refusal } from '../../shared/domain/refusal';
import { slaPolicyFrom, slaReferenceKinds } from '../../shared/domain/sla';
import type { Ticket, TicketEvent } from '../../shared/domain/ticket';
import { urgeRefusal } from '../../shared/domain/urge';
import type { Queryable } from '../db/database';
import { referenceLookup } from '../reference/reference-store';

/**
 * The check of an urge against the order's time limits (`urgeRefusal`), with the reference data read
 * once per batch and only for a batch that urges: the ticket is the one the batch has made so far.
 * `timeZone` is the centre's, for limits counted in working days.
 */
export async function urgeChecks(
  db: Queryable,
  events: readonly TicketEvent[],
  timeZone: string,
): Promise<(event: TicketEvent, ticket: Ticket | undefined) => Refusal | null> {
  if (!events.some((e) => e.type === 'urged')) return () => null;
  const body = await referenceLookup(db, slaReferenceKinds);
  return (event, ticket) =>
    event.type === 'urged' && ticket ? urgeRefusal(ticket, slaPolicyFrom(ticket, body, timeZone), event.at) : null;
}
