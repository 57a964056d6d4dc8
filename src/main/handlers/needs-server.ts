import { AppError } from '../../shared/result';
import type { SyncEngine } from '../sync/sync-engine';

/** The sync engine of a workstation with a central server; what needs one (`The monitor`) is refused without. */
export const needsServer = (sync: SyncEngine | null, what: string): SyncEngine => {
  if (!sync) throw new AppError('unavailable', `${what} needs a central server (HOTLINE_SERVER_URL).`);
  return sync;
};
