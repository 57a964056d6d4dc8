import type { SignedInUser } from '../../shared/contract/auth';
import { AppError } from '../../shared/result';
import type { SyncEngine } from '../sync/sync-engine';
import type { CoreDeps, DomainHandlers } from './types';

export function signedInUser(sync: SyncEngine | null): SignedInUser | null {
  const session = sync?.session.current();
  if (!session) return null;
  const { username, displayName, role } = session.user;
  return { username, displayName, role, sessionLive: sync!.session.token() !== null };
}

export const authHandlers = ({ sync, bus }: CoreDeps): DomainHandlers<'auth'> => ({
  signIn: async ({ username, password }) => {
    if (!sync) throw new AppError('unavailable', 'No central server is configured for this workstation (HOTLINE_SERVER_URL).');
    await sync.signIn(username, password);
    const user = signedInUser(sync)!;
    bus.emit('auth.changed', user);
    return user;
  },
  signOut: () => {
    sync?.signOut();
    bus.emit('auth.changed', null);
    return { signedOut: true as const };
  },
  current: () => signedInUser(sync),
});
