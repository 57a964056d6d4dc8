import { useCallback, useEffect, useState } from 'react';
import type { LoggedCall } from '../../../shared/contract/calls';
import { useCall } from '../api/use-call';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useAuth } from '../shell/use-auth';

export interface WrapUpChoice {
  code: string;
  zh: string;
  en: string;
}

export interface WrapUp {
  /** The call this agent answered that ended without a wrap-up code; it stays due while the next one rings. */
  due: LoggedCall | null;
  choices: WrapUpChoice[];
  /** The code proposed for what the call led to (a ticket registered, an answer, a follow-up). */
  proposed: string | null;
  /** The code given to the last call summed up here, and that call. */
  given: { callId: string; choice: WrapUpChoice } | null;
  pick(code: string): Promise<void>;
}

/**
 * Wrap-up at hang-up: once a call this agent answered ends, its code is due until the agent picks
 * one. The proposal is asked again whenever tickets change: a ticket registered after the hang-up
 * (the usual order) changes what the call led to.
 */
export function useWrapUp(call: LoggedCall | null): WrapUp {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const me = useAuth()?.username;
  const request = useCall();
  const [due, setDue] = useState<LoggedCall | null>(null);
  const [seenEnded, setSeenEnded] = useState<string | null>(null);
  if (call?.state === 'ended' && call.id !== seenEnded) {
    setSeenEnded(call.id);
    if (call.answeredAt && call.answeredBy === me && !call.wrapupCode) setDue(call);
  }
  const [options, setOptions] = useState<{ callId: string; proposed: string | null; choices: WrapUpChoice[] } | null>(null);
  const [given, setGiven] = useState<WrapUp['given']>(null);
  const dueId = due?.id;

  useEffect(() => {
    if (!dueId || link !== 'open') return;
    const load = () =>
      request(() => api.calls.wrapUpChoices({ callId: dueId }), { failure: 'wrapUp', background: true }).then(
        (found) => found && setOptions({ callId: dueId, ...found }),
      );
    void load();
    return on.tickets.changed(() => void load());
  }, [api, on, request, link, dueId]);

  const shown = options && options.callId === dueId ? options : null;
  const pick = useCallback(
    async (code: string) => {
      if (!dueId) return;
      const saved = await request(() => api.calls.wrapUp({ callId: dueId, code }), { failure: 'wrapUp' });
      if (!saved) return;
      const choice = shown?.choices.find((c) => c.code === code);
      setGiven(choice ? { callId: dueId, choice } : null);
      setDue((current) => (current?.id === dueId ? null : current));
    },
    [api, request, dueId, shown],
  );
  return { due, choices: shown?.choices ?? [], proposed: shown?.proposed ?? null, given, pick };
}
