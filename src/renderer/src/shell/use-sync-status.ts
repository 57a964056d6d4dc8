import { useCallback } from 'react';
import type { SyncStatus } from '../../../shared/contract/sync';
import { useWorkstation } from './api-context';
import { usePushedState } from './use-pushed-state';

/** Connection state, outbox size, refused changes and last sync, as the core pushes them. */
export function useSyncStatus(): SyncStatus | null {
  const { api, on } = useWorkstation();
  const load = useCallback(() => api.sync.status(), [api]);
  return usePushedState<SyncStatus | null>(load, on.sync.status, null);
}
