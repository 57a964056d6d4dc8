import type { SyncStatus } from '../../shared/contract/sync';
import type { Db } from '../store/database';
import { openRejectionCount, outboxSize } from '../store/ticket-store';
import type { SyncEngine } from '../sync/sync-engine';
import type { CoreDeps, DomainHandlers } from './types';

/** The engine's view, or — with no server configured — a workstation that works alone. */
export const currentSyncStatus = (db: Db, sync: SyncEngine | null): SyncStatus =>
  sync?.status() ?? {
    connection: 'not_configured',
    outboxSize: outboxSize(db),
    rejected: openRejectionCount(db),
    lastSyncAt: null,
    bootstrap: null,
  };

export const syncHandlers = ({ db, sync }: CoreDeps): DomainHandlers<'sync'> => ({
  status: () => currentSyncStatus(db, sync),
  now: () => {
    sync?.wake();
    return currentSyncStatus(db, sync);
  },
});
