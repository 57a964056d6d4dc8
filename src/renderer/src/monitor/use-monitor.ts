import { useEffect, useState } from 'react';
import { backoffDelay, realSchedule, type Schedule } from '../../../shared/backoff';
import { CallError } from '../api/client';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useSyncStatus } from '../shell/use-sync-status';
import { applyChange, fromSnapshot, type MonitorChange, type MonitorState, nextTransition } from './monitor-state';

export interface MonitorLoad {
  /** The figures shown: the last snapshot and the deltas since; kept while a new one cannot be had. */
  state: MonitorState | null;
  /** Why the snapshot could not be had, while it cannot (it is asked for again, less and less often). */
  error: string | null;
  /** Since when the figures shown are not live (the server out of reach, the snapshot failing); null while they are. */
  staleSince: string | null;
}

/** How the snapshot is asked for again after a failure; tests pass a schedule they fire themselves. */
export interface MonitorRetry {
  schedule: Schedule;
  random: () => number;
}

const realRetry: MonitorRetry = { schedule: realSchedule, random: Math.random };
// A lead's screen should heal within seconds of the server coming back, yet a whole room of
// monitors must not hammer a server that is struggling: full jitter, 1 s doubling up to 30 s.
const retryBaseMs = 1000;
const retryCapMs = 30_000;

const failureCode = (failure: unknown) => (failure instanceof CallError ? failure.code : String(failure));

/** The figures stale from `since` on, or, with none yet, the reason there are none. */
const markedDown = (load: MonitorLoad, since: string): MonitorLoad =>
  load.state ? { ...load, staleSince: load.staleSince ?? since } : { ...load, error: load.error ?? 'unavailable' };

/**
 * The monitor's data: one snapshot when it opens (and again after the server was out of reach,
 * when deltas may have been missed), then the live deltas folded in as they come. A snapshot that
 * fails is asked for again with backoff, and at once when the link comes back; meanwhile the last
 * figures stay on screen, marked stale since the moment they stopped being live.
 */
export function useMonitor(enabled: boolean, retry: MonitorRetry = realRetry): MonitorLoad {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const connection = useSyncStatus()?.connection;
  // Syncing and online alternate on every cycle; only a real outage asks for a new snapshot.
  const reachable = connection === 'online' || connection === 'syncing';
  // Known to be out of reach, rather than not known yet (the status is still on its way).
  const down = link === 'closed' || (connection !== undefined && !reachable);
  const [load, setLoad] = useState<MonitorLoad>(() => ({ state: null, error: enabled && down ? 'unavailable' : null, staleSince: null }));
  const { schedule, random } = retry;

  // Marked as the server goes out of reach (during render, as React adjusts state to a prop): no
  // deltas come from then on, so what is shown is as of now.
  const [wasDown, setWasDown] = useState(down);
  if (down !== wasDown) {
    setWasDown(down);
    if (down && enabled) setLoad((current) => markedDown(current, new Date().toISOString()));
  }

  useEffect(() => {
    if (!enabled || link !== 'open' || !reachable) return;
    // Deltas that arrive while a snapshot is on its way, folded over it when it comes.
    let early: MonitorChange[] | null = [];
    let live = true;
    let failures = 0;
    let cancelRetry = () => {};
    const unsubscribe = on.monitor.changed((change) => {
      if (early) early.push(change);
      else setLoad((current) => (current.state ? { ...current, state: applyChange(current.state, change, new Date()) } : current));
    });
    const ask = () => {
      // Only the deltas since this attempt began: older ones are in the snapshot it asks for.
      early = [];
      api.monitor.snapshot().then(
        (snapshot) => {
          if (!live) return;
          // The later copy of each ticket wins.
          const state = (early ?? []).reduce((s, change) => applyChange(s, change, new Date()), fromSnapshot(snapshot));
          early = null;
          setLoad({ state, error: null, staleSince: null });
        },
        (failure: unknown) => {
          if (!live) return;
          failures += 1;
          const since = new Date().toISOString();
          setLoad((current) => ({
            state: current.state,
            error: failureCode(failure),
            staleSince: current.state ? (current.staleSince ?? since) : null,
          }));
          cancelRetry = schedule(ask, backoffDelay(failures, random, retryBaseMs, retryCapMs));
        },
      );
    };
    ask();
    return () => {
      live = false;
      cancelRetry();
      unsubscribe();
    };
  }, [enabled, link, reachable, api, on, schedule, random]);
  return load;
}

/**
 * The current time for the monitor: ticking once a second for the countdowns, and waking at the
 * very instant the next ticket turns at risk or overdue. Deadlines turn on the screen, not by message.
 */
export function useMonitorClock(state: MonitorState): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const next = nextTransition(state, now);
  useEffect(() => {
    if (next === null) return;
    // A few ms late rather than early, so the redraw sees the new state.
    const timer = setTimeout(() => setNow(new Date()), Math.max(0, next - Date.now() + 5));
    return () => clearTimeout(timer);
  }, [next]);
  return now;
}
