import { useEffect, useState } from 'react';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';

export type Similar = { ticket: TicketSummary; similarity: number };

/** The core compares this much of the description (its limit for the call). */
const comparedChars = 4000;

/**
 * Likely duplicates: same category, same street, last 24 hours, most similar text first. Only
 * tickets of the place now in the form are shown, never those found for the one before.
 */
export function useDuplicates(category: string, streetCode: string, description: string): Similar[] {
  const { api } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [similar, setSimilar] = useState<Similar[]>([]);
  const place = category && streetCode ? { category, streetCode } : null;

  useEffect(() => {
    if (!category || !streetCode || link !== 'open') return;
    const input = { category, streetCode, description: description.slice(0, comparedChars) };
    void call(() => api.tickets.similar(input), { failure: 'findDuplicates', background: true }).then((found) => setSimilar(found ?? []));
  }, [api, call, link, category, streetCode, description]);

  return place ? similar.filter((s) => s.ticket.category === place.category && s.ticket.streetCode === place.streetCode) : [];
}
