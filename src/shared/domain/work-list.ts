import type { Ticket } from './ticket';

/** The hotline's work lists: each waiting ticket is in exactly one of them. */
export const workLists = ['undispatched', 'returned', 'callback', 'extension'] as const;
export type WorkListKind = (typeof workLists)[number];

type Waiting = Pick<Ticket, 'status' | 'createdAt' | 'returnedAt' | 'feedback' | 'extensionRequest'>;

/**
 * The list a ticket waits in for the hotline's next step, or null when it waits for nobody here
 * (with a unit, or closed). An extension request is only open while the unit works the ticket, and
 * feedback or a return clears it, so no ticket is in two lists.
 */
export function workListOf(ticket: Waiting): WorkListKind | null {
  if (ticket.status === 'registered') return 'undispatched';
  if (ticket.status === 'returned') return 'returned';
  if (ticket.status === 'feedback') return 'callback';
  return ticket.extensionRequest ? 'extension' : null;
}

/** When the ticket joined its list: registered, returned, reported back, or asked for more time. */
function waitingSince(ticket: Waiting, list: WorkListKind): string {
  switch (list) {
    case 'undispatched':
      return ticket.createdAt;
    case 'returned':
      return ticket.returnedAt ?? ticket.createdAt;
    case 'callback':
      return ticket.feedback?.at ?? ticket.createdAt;
    case 'extension':
      return ticket.extensionRequest?.at ?? ticket.createdAt;
  }
}

/**
 * A ticket's place in its list as one sortable string: tickets with a running deadline first, the
 * least time left first (so the overdue lead), then those without one, the longest waiting first.
 * ISO instants sort as text, and `~` sorts after every digit. Null when the ticket is in no list.
 */
export function queueRank(ticket: Waiting, dueAt: string | null | undefined): string | null {
  const list = workListOf(ticket);
  if (!list) return null;
  return dueAt ?? `~${waitingSince(ticket, list)}`;
}
