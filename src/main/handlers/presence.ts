import { AppError } from '../../shared/result';
import type { CoreDeps, DomainHandlers } from './types';

export const presenceHandlers = ({ sync, now }: CoreDeps): DomainHandlers<'presence'> => ({
  // Without a server nobody watches; the workstation still answers, always available.
  current: () => sync?.presence.view() ?? { state: 'available', since: now().toISOString() },
  set: ({ state }) => {
    if (!sync) throw new AppError('unavailable', 'Presence is reported to the central server, and none is configured.');
    return sync.presence.choose(state);
  },
});
