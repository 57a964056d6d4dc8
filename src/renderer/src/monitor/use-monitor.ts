import { useEffect, useState } from 'react';
import { CallError } from '../api/client';
import { useLinkState, useWorkstation } from '../shell/api-context';
import { useSyncStatus } from '../shell/use-sync-status';
import { applyChange, fromSnapshot, type MonitorChange, type MonitorState, nextTransition } from './monitor-state';

export type MonitorLoad = { state: MonitorState; error: null } | { state: null; error: string | null };

/**
 * The monitor's data: one snapshot when it opens (and again after the server was out of reach,
 * when deltas may have been missed), then the live deltas folded in as they come.
 */
export function useMonitor(enabled: boolean): MonitorLoad {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const connection = useSyncStatus()?.connection;
  // Syncing and online alternate on every cycle; only a real outage asks for a new snapshot.
  const reachable = connection === 'online' || connection === 'syncing';
  const [load, setLoad] = useState<MonitorLoad>({ state: null, error: null });

  useEffect(() => {
    if (!enabled || link !== 'open' || !reachable) return;
    let early: MonitorChange[] | null = [];
    let live = true;
    const unsubscribe = on.monitor.changed((change) => {
      if (early) early.push(change);
      else setLoad((current) => (current.state ? { state: applyChange(current.state, change, new Date()), error: null } : current));
    });
    api.monitor.snapshot().then(
      (snapshot) => {
        if (!live) return;
        // Deltas that arrived while the snapshot was on its way: the later copy of each ticket wins.
        const state = (early ?? []).reduce((s, change) => applyChange(s, change, new Date()), fromSnapshot(snapshot));
        early = null;
        setLoad({ state, error: null });
      },
      (failure: unknown) => {
        early = null;
        if (live) setLoad({ state: null, error: failure instanceof CallError ? failure.code : String(failure) });
      },
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [enabled, link, reachable, api, on]);
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
