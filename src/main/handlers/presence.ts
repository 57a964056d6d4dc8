import { AppError, refusedChange } from '../../shared/result';
import { breakReasonChoices } from '../store/wrapup-store';
import type { CoreDeps, DomainHandlers } from './types';

const noServer = () => new AppError('unavailable', 'Presence is reported to the central server, and none is configured.');

export const presenceHandlers = ({ sync, now, db }: CoreDeps): DomainHandlers<'presence'> => ({
  // Without a server nobody watches; the workstation still answers, always available.
  current: () =>
    sync?.presence.view() ?? { state: 'available', since: now().toISOString(), reason: null, helpSince: null, helpAnsweredBy: null },
  set: (choice) => {
    if (!sync) throw noServer();
    // Checked here as the server checks it: a reason the centre does not list is refused, and nothing changes.
    if (choice.state === 'break' && !breakReasonChoices(db).some((r) => r.code === choice.reason))
      throw refusedChange({ code: 'unknown_break_reason', params: { code: choice.reason } });
    return sync.presence.choose(choice);
  },
  breakReasons: () => breakReasonChoices(db),
  raiseHand: ({ raised }) => {
    if (!sync) throw noServer();
    return sync.presence.raiseHand(raised);
  },
});
