import { useEffect, useRef, useState } from 'react';
import type { CallFiguresResponse } from '../../../shared/server-api/call-figures';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import type { MonitorState } from './monitor-state';

/** The figures are read again at least this often: the hour turns, and so does the day. */
const refreshMs = 60_000;

/**
 * Today's call figures as the server counts them (one definition: shared/domain/call-figures.ts),
 * read when the monitor opens, again whenever a call rings, is answered or ends (one request at a
 * time: changes that come meanwhile are read together once it lands), at the instant a waiting
 * caller passes the service-level threshold, and every minute. Null until the first answer.
 */
export function useCallFigures(enabled: boolean, waiting: MonitorState['waiting'] | undefined): CallFiguresResponse | null {
  const { api, on } = useWorkstation();
  const call = useCall();
  const [figures, setFigures] = useState<CallFiguresResponse | null>(null);
  const refresh = useRef<() => void>(() => {});

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let reading = false;
    let again = false;
    const read = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      void call(() => api.calls.figures({}), { failure: 'loadCallFigures', background: true, sticky: true }).then((value) => {
        reading = false;
        if (!live) return;
        if (value) setFigures(value);
        if (again) {
          again = false;
          read();
        }
      });
    };
    refresh.current = read;
    read();
    const unsubscribe = on.monitor.changed((change) => {
      if (change.kind === 'call') read();
    });
    const timer = setInterval(read, refreshMs);
    return () => {
      live = false;
      refresh.current = () => {};
      unsubscribe();
      clearInterval(timer);
    };
  }, [enabled, api, on, call]);

  const threshold = figures?.thresholdSeconds;
  useEffect(() => {
    if (!threshold || !waiting) return;
    const now = Date.now();
    const crossings = [...waiting.values()].map((w) => Date.parse(w.startedAt) + threshold * 1000).filter((at) => at >= now);
    if (crossings.length === 0) return;
    // A little after the crossing: the server counts a wait past the threshold, not at it.
    const timer = setTimeout(() => refresh.current(), Math.min(...crossings) - now + 250);
    return () => clearTimeout(timer);
  }, [waiting, threshold]);

  return figures;
}
