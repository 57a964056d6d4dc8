import { z } from 'zod';
import type { SignedInUser } from '../../shared/contract/auth';
import { AppError } from '../../shared/result';
import { readSetting, writeSetting } from '../store/settings-store';
import type { CoreDeps, DomainHandlers } from './types';

const lockKey = 'auth.locked';

/** Locked survives a crash or a reload of the page: restarting is no way past the lock. */
export const screenLocked = (deps: Pick<CoreDeps, 'db' | 'signin'>): boolean =>
  deps.signin.knownUser() !== null && readSetting(deps.db, lockKey, z.boolean()) === true;

/** The user whose session is kept here; `sessionLive` says whether they are signed in now. */
export function signedInUser(deps: Pick<CoreDeps, 'db' | 'signin' | 'lockAfterMinutes'>): SignedInUser | null {
  const user = deps.signin.knownUser();
  if (!user) return null;
  const { username, displayName, role } = user;
  return {
    username,
    displayName,
    role,
    sessionLive: deps.signin.signedIn(),
    locked: screenLocked(deps),
    lockAfterMinutes: deps.lockAfterMinutes,
  };
}

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
      await deps.signin.signIn(username, password);
      setLocked(false);
      return changed()!;
    },
    signOut: async () => {
      await deps.signin.signOut();
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
      const { username, sessionLive } = current();
      // The server ended the session while the screen was locked: the same password signs in again.
      if (sessionLive) await deps.signin.checkPassword(username, password);
      else await deps.signin.signIn(username, password);
      setLocked(false);
      return changed()!;
    },
  };
};
