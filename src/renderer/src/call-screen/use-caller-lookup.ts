import { useEffect, useState } from 'react';
import type { CallerHistory } from '../../../shared/contract/callers';
import type { LoggedCall } from '../../../shared/contract/calls';
import { formatPhone, normalisePhone } from '../../../shared/domain/phone';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useDebounced } from './use-debounced';

const lookupMs = 150;
/** A repeat caller may have called about dozens of things: the panel asks for every ticket the contract allows. */
export const historyLimit = 100;

/** The number to show for a call: the normalised caller key when known, else what the switch sent. */
export const callerNumber = (call: LoggedCall) =>
  call.phoneKey ? formatPhone(call.phoneKey) : call.direction === 'in' ? call.from : call.to;

export interface CallerLookup {
  /** The history of the caller on screen; never another caller's beside this number. */
  history: CallerHistory | null;
  /** Shows this caller now, and keeps them once the form is cleared. */
  showCaller(phone: string): void;
}

/**
 * The caller on the panel is whoever was named last: a call that starts ringing (at once, before
 * the answer, whatever the form still holds of the previous caller), a number the screen-pop or a
 * submit names, or a number the agent types (after a typing pause). Each is an event, not a level:
 * the previous caller's number left in the form does not pull the panel back while the next call
 * rings. Clearing the form (ticket submitted) keeps the last caller on screen.
 */
export function useCallerLookup(callerPhone: string, call: LoggedCall | null): CallerLookup {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const request = useCall();
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [panelPhone, setPanelPhone] = useState('');
  const typedPhone = useDebounced(callerPhone, lookupMs);
  // Adjusted while rendering (React's "adjust state when a prop changes"), so the panel never shows
  // the previous caller for a frame once the next one is named.
  const [seenTyped, setSeenTyped] = useState('');
  // The number the form held when the last call started ringing: it belongs to the caller before,
  // so its typing pause ending after the ring must not pull the panel back to them.
  const [heldAtRing, setHeldAtRing] = useState<string | null>(null);
  if (typedPhone !== seenTyped) {
    setSeenTyped(typedPhone);
    if (normalisePhone(typedPhone) && typedPhone !== heldAtRing) setPanelPhone(typedPhone);
  }
  const [seenRinging, setSeenRinging] = useState<string | null>(null);
  if (call?.state === 'ringing' && call.id !== seenRinging) {
    setSeenRinging(call.id);
    setPanelPhone(callerNumber(call));
    setHeldAtRing(callerPhone);
  }
  const key = normalisePhone(panelPhone)?.key ?? null;

  useEffect(() => {
    if (!key || link !== 'open') return;
    const load = () =>
      request(() => api.callers.history({ phone: panelPhone, limit: historyLimit }), { failure: 'lookUpCaller', background: true }).then(
        (found) => setHistory(found ?? null),
      );
    void load();
    return on.tickets.changed(() => void load());
  }, [api, request, on, link, key, panelPhone]);

  const shown = key && history?.phoneKey === key ? history : null;
  return { history: shown, showCaller: setPanelPhone };
}
