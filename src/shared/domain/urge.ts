import type { Refusal } from './refusal';
import { type SlaPolicy, slaClock } from './sla';
import type { Ticket } from './ticket';

/**
 * A lead urges (督办) a unit only on an order whose feedback clock is at risk or overdue at the time
 * of the urge: pressing a unit that is on time is noise. The workstation asks before it records the
 * urge and the server again when it arrives, from the same time limits. An order whose limits are not
 * known cannot be judged and is let through; the fold refuses closed orders and those with no unit.
 */
export function urgeRefusal(
  ticket: Pick<Ticket, 'status' | 'createdAt' | 'dispatchedAt' | 'returnedAt' | 'extensionHours'> | undefined,
  policy: SlaPolicy | null,
  at: string,
): Refusal | null {
  if (!ticket || !policy) return null;
  const clock = slaClock(ticket, policy, new Date(at));
  if (clock?.stage !== 'feedback' || clock.state !== 'on_time') return null;
  return { code: 'urge_on_time', params: { dueAt: clock.dueAt } };
}
