import { useEffect, useState } from 'react';
import type { CallerHistory } from '../../../shared/contract/callers';
import { normalisePhone } from '../../../shared/domain/phone';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useDebounced } from './use-debounced';

const lookupMs = 150;

export interface CallerLookup {
  /** The history of the caller on screen; never another caller's beside this number. */
  history: CallerHistory | null;
  /** Shows this caller now, and keeps them once the form is cleared. */
  showCaller(phone: string): void;
}

/**
 * Caller history follows the number being typed; once the form is cleared (ticket submitted), it
 * stays on the last caller until another number is typed or another call comes in. The pause is
 * for typing: a number the screen-pop put in the form is looked up at once (waiting, the panel
 * showed the previous caller's history beside the new caller's number for the pause).
 */
export function useCallerLookup(callerPhone: string): CallerLookup {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const call = useCall();
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [panelPhone, setPanelPhone] = useState('');
  const typedPhone = useDebounced(callerPhone, lookupMs);
  const phone = callerPhone === panelPhone ? panelPhone : typedPhone;
  const lookupPhone = normalisePhone(phone) ? phone : panelPhone;

  useEffect(() => {
    if (!lookupPhone || link !== 'open') return;
    const load = () =>
      call(() => api.callers.history({ phone: lookupPhone }), { failure: 'lookUpCaller', background: true }).then((found) =>
        setHistory(found ?? null),
      );
    void load();
    return on.tickets.changed(() => void load());
  }, [api, call, on, link, lookupPhone]);

  const shown = lookupPhone && history?.phoneKey === normalisePhone(lookupPhone)?.key ? history : null;
  return { history: shown, showCaller: setPanelPhone };
}
