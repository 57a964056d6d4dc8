import { AppError } from '../../shared/result';
import { linksOf } from '../store/ticket-links';
import { getTicket } from '../store/ticket-store';
import type { CoreDeps, DomainHandlers } from './types';

/** What the ticket view shows beside a ticket: the original it repeats and the duplicates of it. */
export const linkHandlers = ({ db }: CoreDeps): Pick<DomainHandlers<'tickets'>, 'links'> => ({
  links: ({ id }) => {
    const ticket = getTicket(db, id);
    if (!ticket) throw new AppError('not_found', `No ticket with id ${id} in this workstation's cache.`);
    return linksOf(db, id, ticket.duplicateOf);
  },
});
