import { useEffect, useState } from 'react';
import type { LoggedCall } from '../../../shared/contract/calls';
import { useLinkState, useWorkstation } from '../shell/api-context';

export interface CurrentCall {
  call: LoggedCall | null;
  /** Pushed while this window was open (so it may pop the intake), not found on opening. */
  live: boolean;
}

/**
 * The call on this agent's phone: ringing, answered (the screen-pop) or just ended. A window that
 * opens mid-call asks the core for the call in progress, and shows it without popping a new
 * intake over the draft it restores. It asks again when a session begins (`signedIn`): nobody
 * signed in is told of no call.
 */
export function useCurrentCall(signedIn: boolean): CurrentCall {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [state, setState] = useState<CurrentCall>({ call: null, live: false });
  useEffect(() => {
    let pushed = false;
    const off = on.calls.changed((next) => {
      pushed = true;
      // A missed call elsewhere must not replace the call the agent is on.
      setState(({ call: current }) =>
        current && current.id !== next.id && current.state === 'answered' && next.state !== 'answered'
          ? { call: current, live: true }
          : { call: next, live: true },
      );
    });
    if (link === 'open' && signedIn)
      api.calls.current().then(
        (call) => pushed || setState({ call, live: false }),
        () => {},
      );
    return off;
  }, [api, on, link, signedIn]);
  return state;
}
