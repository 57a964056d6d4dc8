import { useEffect, useState } from 'react';
import type { SignedInUser } from '../../../shared/contract/auth';
import { useLinkState, useWorkstation } from './api-context';

/** Who is signed in on this workstation, kept current by `auth.changed`. */
export function useAuth(): SignedInUser | null {
  const { api, on } = useWorkstation();
  const link = useLinkState();
  const [user, setUser] = useState<SignedInUser | null>(null);
  useEffect(() => on.auth.changed(setUser), [on]);
  useEffect(() => {
    if (link !== 'open') return;
    api.auth.current().then(setUser, () => setUser(null));
  }, [api, link]);
  return user;
}
