import type { SyncStatus } from '../../shared/contract/sync';
import type { Db } from '../store/database';
import { outboxSize } from '../store/ticket-store';
import type { CoreDeps, DomainHandlers } from './types';

/** Until the sync engine lands, the workstation has no server and says so. */
export const currentSyncStatus = (db: Db): SyncStatus => ({
  connection: 'not_configured',
  outboxSize: outboxSize(db),
  lastSyncAt: null,
});

export const syncHandlers = ({ db }: CoreDeps): DomainHandlers<'sync'> => ({
  status: () => currentSyncStatus(db),
});
