import { normalisePhone } from '../../shared/domain/phone';
import { callerDetails } from '../store/caller-details';
import { callerHistory } from '../store/caller-store';
import type { CoreDeps, DomainHandlers } from './types';

export const callersHandlers = ({ db, now }: CoreDeps): DomainHandlers<'callers'> => ({
  history: ({ phone, limit }) => {
    const key = normalisePhone(phone);
    return key ? { ...callerHistory(db, key.key, limit, now()), details: callerDetails(db, key.key) } : null;
  },
});
