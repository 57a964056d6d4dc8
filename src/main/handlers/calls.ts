import { currentCall, recentCalls } from '../store/calls-store';
import type { CoreDeps, DomainHandlers } from './types';

export const callsHandlers = ({ db, sync }: CoreDeps): DomainHandlers<'calls'> => ({
  recent: ({ limit, missedOnly }) => recentCalls(db, limit, missedOnly),
  current: () => {
    const username = sync?.user()?.username;
    return username ? currentCall(db, username) : null;
  },
});
