import { useCallback, useEffect, useState } from 'react';
import type { NoticeView } from '../../../shared/server-api/notices';
import { useWorkstation } from './api-context';
import { useAuth } from './use-auth';
import { usePushedState } from './use-pushed-state';

const none: { notices: NoticeView[] } = { notices: [] };

/**
 * The leads' notices in force, newest first: read from the core when the UI loads (so a reload
 * keeps them), then as the core hears of them. One that expires while shown leaves on time.
 */
export function useNotices(): NoticeView[] {
  const { api, on } = useWorkstation();
  const signedIn = useAuth()?.sessionLive === true;
  const load = useCallback(() => (signedIn ? api.notices.current() : Promise.resolve(none)), [api, signedIn]);
  const { notices } = usePushedState(load, on.notices.changed, none);
  const [now, setNow] = useState(() => Date.now());
  const inForce = notices.filter((n) => Date.parse(n.expiresAt) > now);
  const nextExpiry = Math.min(...inForce.map((n) => Date.parse(n.expiresAt)));
  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    // Timers hold at most about 24.8 days; a notice lives a week at most, so one wait always fits.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextExpiry - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [nextExpiry]);
  return inForce;
}
