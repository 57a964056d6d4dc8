import type { User } from '../../shared/server-api/auth';
import { type SqlFragment, sql } from '../db/sql';

/** Units see only tickets dispatched to them; every other role sees the whole centre. */
export const seesAllTickets = (user: User) => user.role !== 'unit';

/**
 * The condition on a `tickets` row that `user` may see it. It names `unit_codes` unqualified, so it
 * fits any query over one tickets table, aliased or not. A unit user without a unit sees nothing.
 */
export const visibleTo = (user: User): SqlFragment => (seesAllTickets(user) ? sql`TRUE` : sql`${user.unitCode ?? ''} = ANY (unit_codes)`);
