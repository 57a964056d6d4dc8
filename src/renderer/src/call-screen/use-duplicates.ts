import { useEffect, useState } from 'react';
import type { TicketSummary } from '../../../shared/contract/tickets';
import { phoneKey } from '../../../shared/domain/phone';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';

export type Similar = { ticket: TicketSummary; similarity: number };

/** The core compares this much of the description (its limit for the call). */
const comparedChars = 4000;

/**
 * Likely duplicates: same category, same street or same caller, last 24 hours, most similar text
 * first. Only tickets of the place or caller now in the form are shown, never those found for the one before.
 */
export function useDuplicates(category: string, streetCode: string, description: string, callerPhone = ''): Similar[] {
  const { api } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [similar, setSimilar] = useState<Similar[]>([]);
  const place = category && streetCode ? { category, streetCode } : null;
  const caller = phoneKey(callerPhone);

  useEffect(() => {
    if (!category || !streetCode || link !== 'open') return;
    const input = { category, streetCode, description: description.slice(0, comparedChars), ...(caller ? { callerPhone: caller } : {}) };
    void call(() => api.tickets.similar(input), { failure: 'findDuplicates', background: true }).then((found) => setSimilar(found ?? []));
  }, [api, call, link, category, streetCode, description, caller]);

  const ofThisCall = (t: TicketSummary) => t.streetCode === place?.streetCode || (caller !== null && phoneKey(t.callerPhone) === caller);
  return place ? similar.filter((s) => s.ticket.category === place.category && ofThisCall(s.ticket)) : [];
}
