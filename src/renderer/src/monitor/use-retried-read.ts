import { useEffect } from 'react';
import { backoffDelay, realSchedule } from '../../../shared/backoff';

// As the monitor's snapshot: 1 s doubling up to 30 s, with full jitter.
const retryBaseMs = 1000;
const retryCapMs = 30_000;

/**
 * Reads once on mount and whenever `read` changes; a read that fails (the server busy or out of
 * reach: `read` answers undefined) is asked for again, less and less often, rather than leaving a
 * panel reading for good. `read(quietly)` is told whether this is a retry, so only the first failure
 * is shown to the lead.
 */
export function useRetriedRead<T>(read: (quietly: boolean) => Promise<T | undefined>, got: (answer: T) => void): void {
  useEffect(() => {
    let live = true;
    let failures = 0;
    let cancel = () => {};
    const attempt = () =>
      void read(failures > 0).then((answer) => {
        if (!live) return;
        if (answer !== undefined) return got(answer);
        failures += 1;
        cancel = realSchedule(attempt, backoffDelay(failures, Math.random, retryBaseMs, retryCapMs));
      });
    attempt();
    return () => {
      live = false;
      cancel();
    };
    // `got` is a state setter or the like: only a new `read` asks again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read]);
}
