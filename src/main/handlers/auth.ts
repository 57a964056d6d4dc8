import { z } from 'zod';
import type { SignedInUser } from '../../shared/contract/auth';
import { AppError } from '../../shared/result';
import { readSetting, writeSetting } from '../store/settings-store';
import type { SyncEngine } from '../sync/sync-engine';
import type { CoreDeps, DomainHandlers } from './types';

const lockKey = 'auth.locked';

/** Locked survives a crash or a reload of the page: restarting is no way past the lock. */
export const screenLocked = (deps: Pick<CoreDeps, 'db' | 'sync'>): boolean =>
  (deps.sync?.session.current() ?? null) !== null && readSetting(deps.db, lockKey, z.boolean()) === true;

export function signedInUser(deps: Pick<CoreDeps, 'db' | 'sync' | 'lockAfterMinutes'>): SignedInUser | null {
  const session = deps.sync?.session.current();
  if (!session) return null;
  const { username, displayName, role } = session.user;
  return { username, displayName, role, sessionLive: deps.sync!.sessionLive(), locked: screenLocked(deps), lockAfterMinutes: deps.lockAfterMinutes };
}

const requireSync = (sync: SyncEngine | null): SyncEngine => {
  if (!sync) throw new AppError('unavailable', 'No central server is configured for this workstation (HOTLINE_SERVER_URL).');
  return sync;
};

export const authHandlers = (deps: CoreDeps): DomainHandlers<'auth'> => {
  const { db, bus, now } = deps;
  const setLocked = (locked: boolean) => writeSetting(db, lockKey, locked, now().toISOString());
  const changed = () => {
    const user = signedInUser(deps);
    bus.emit('auth.changed', user);
    return user;
  };
  const current = (): SignedInUser => {
    const user = signedInUser(deps);
    if (!user) throw new AppError('unauthenticated', 'Nobody is signed in on this workstation.');
    return user;
  };

  return {
    signIn: async ({ username, password }) => {
      await requireSync(deps.sync).signIn(username, password);
      setLocked(false);
      return changed()!;
    },
    signOut: async () => {
      await deps.sync?.signOut();
      setLocked(false);
      changed();
      return { signedOut: true as const };
    },
    current: () => signedInUser(deps),
    lock: () => {
      current();
      setLocked(true);
      return changed()!;
    },
    unlock: async ({ password }) => {
      const { username } = current();
      await requireSync(deps.sync).checkPassword(username, password);
      setLocked(false);
      return changed()!;
    },
  };
};
