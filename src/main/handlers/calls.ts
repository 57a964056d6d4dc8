import { currentCall, recentCalls } from '../store/calls-store';
import type { CoreDeps, DomainHandlers } from './types';

export const callsHandlers = ({ db, signin }: CoreDeps): DomainHandlers<'calls'> => ({
  recent: ({ limit, missedOnly }) => recentCalls(db, limit, missedOnly),
  current: () => {
    const username = signin.user()?.username;
    return username ? currentCall(db, username) : null;
  },
});
