import { v7 } from 'uuid';
import type { TicketEvent } from '../../shared/domain/ticket';
import type { User } from '../../shared/server-api/auth';
import type { UnitAction } from '../../shared/server-api/units';
import { refusalMessage } from '../../shared/domain/refusal';
import { AppError, refusedChange } from '../../shared/result';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { type EventDraft, pushEvents } from '../events/push';
import { visibleTo } from '../tickets/visibility';

const eventType = {
  accept: 'unit_accepted',
  progress: 'unit_progress',
  feedback: 'unit_feedback',
  return: 'unit_returned',
  extension: 'extension_requested',
} as const satisfies Record<UnitAction, TicketEvent['type']>;

/** The event a unit action makes, acting for `unitCode` as `actor`. */
export function unitEvent(
  ticketId: string,
  action: UnitAction,
  body: Record<string, unknown>,
  unitCode: string,
  actor: string,
  at = new Date(),
): EventDraft {
  return { id: v7(), ticketId, type: eventType[action], at: at.toISOString(), actor, origin: 'unit', payload: { unitCode, ...body } };
}

/**
 * A unit acts on one of its tickets through the same write path as every workstation push, so the
 * lifecycle and the unit's scope are checked in one place (push.ts, ticket-fold.ts).
 */
export async function actAsUnit(
  db: Database,
  user: User,
  ticketId: string,
  action: UnitAction,
  body: Record<string, unknown>,
  timeZone: string,
) {
  if (user.role !== 'unit' || !user.unitCode) throw new AppError('forbidden', 'Only a handling unit acts on dispatched tickets.');
  const [visible] = await db.query<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM tickets WHERE id = ${ticketId} AND ${visibleTo(user)}`,
  );
  if (visible!.n === 0) throw new AppError('not_found', `No ticket ${ticketId} dispatched to ${user.unitCode}.`);
  const { results } = await pushEvents(db, [unitEvent(ticketId, action, body, user.unitCode, user.username)], { user, timeZone });
  const result = results[0]!;
  if (result.status === 'rejected') throw refusedChange(result.refusal, `Not possible now: ${refusalMessage(result.refusal)}.`);
  return result.seq;
}
