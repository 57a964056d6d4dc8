import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/contract/sync';
import { useLinkState, useWorkstation } from './api-context';

/** Connection state, outbox size and last sync, as the core pushes them. */
export function useSyncStatus(): SyncStatus | null {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => on.sync.status(setStatus), [on]);
  useEffect(() => {
    if (link !== 'open') return;
    api.sync.status().then(setStatus, () => setStatus(null));
  }, [api, link]);
  return status;
}
