import { useCallback } from 'react';
import type { SignedInUser } from '../../../shared/contract/auth';
import { useWorkstation } from './api-context';
import { usePushedState } from './use-pushed-state';

/** Who is signed in on this workstation, kept current by `auth.changed`; undefined until the core has said. */
export function useAuth(): SignedInUser | null | undefined {
  const { api, on } = useWorkstation();
  const load = useCallback(() => api.auth.current(), [api]);
  return usePushedState<SignedInUser | null | undefined>(load, on.auth.changed, undefined);
}
