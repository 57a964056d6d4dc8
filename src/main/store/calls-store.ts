import type { LoggedCall } from '../../shared/contract/calls';
import { phoneKey } from '../../shared/domain/phone';
import type { Call } from '../../shared/server-api/cti';
import type { Db } from './database';

interface CallRow {
  id: string;
  direction: Call['direction'];
  from_number: string;
  to_number: string;
  phone_key: string | null;
  queue: string | null;
  state: Call['state'];
  answered_by: string | null;
  cause: Call['cause'];
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  ticket_id: string | null;
  wrapup_code: string | null;
}

const toLogged = (r: CallRow): LoggedCall => ({
  id: r.id,
  direction: r.direction,
  from: r.from_number,
  to: r.to_number,
  phoneKey: r.phone_key,
  queue: r.queue,
  state: r.state,
  answeredBy: r.answered_by,
  cause: r.cause,
  startedAt: r.started_at,
  answeredAt: r.answered_at,
  endedAt: r.ended_at,
  ticketId: r.ticket_id,
  missed: r.state === 'ended' && r.answered_at === null && r.direction === 'in',
  wrapupCode: r.wrapup_code,
});

/** The citizen's side of a call: the caller on incoming calls, the number dialled on outgoing. */
export const citizenNumber = (call: Pick<Call, 'direction' | 'from' | 'to'>): string => (call.direction === 'in' ? call.from : call.to);

/** Stores the server's latest view of a call (it only ever moves forward) and returns it. */
export function recordCall(db: Db, call: Call): LoggedCall {
  const row = db
    .prepare<unknown[], CallRow>(
      `INSERT INTO calls (id, direction, from_number, to_number, phone_key, queue, state, answered_by, cause, started_at, answered_at, ended_at)
       VALUES (@id, @direction, @from, @to, @phoneKey, @queue, @state, @answeredBy, @cause, @startedAt, @answeredAt, @endedAt)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, answered_by = excluded.answered_by, cause = excluded.cause,
         answered_at = excluded.answered_at, ended_at = excluded.ended_at, queue = excluded.queue
       RETURNING *`,
    )
    .get({
      id: call.id,
      direction: call.direction,
      from: call.from,
      to: call.to,
      phoneKey: phoneKey(citizenNumber(call)),
      queue: call.queue,
      state: call.state,
      answeredBy: call.answeredBy,
      cause: call.cause,
      startedAt: call.startedAt,
      answeredAt: call.answeredAt,
      endedAt: call.endedAt,
    })!;
  return toLogged(row);
}

export function linkCallToTicket(db: Db, callId: string, ticketId: string): void {
  db.prepare(`UPDATE calls SET ticket_id = ? WHERE id = ?`).run(ticketId, callId);
}

export function callById(db: Db, id: string): LoggedCall | null {
  const row = db.prepare<[string], CallRow>(`SELECT * FROM calls WHERE id = ?`).get(id);
  return row ? toLogged(row) : null;
}

export function recentCalls(db: Db, limit: number, missedOnly: boolean): LoggedCall[] {
  return db
    .prepare<[number], CallRow>(
      `SELECT * FROM calls ${missedOnly ? `WHERE state = 'ended' AND answered_at IS NULL AND direction = 'in'` : ''}
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(limit)
    .map(toLogged);
}

export function currentCall(db: Db, username: string): LoggedCall | null {
  const row = db
    .prepare<[string], CallRow>(`SELECT * FROM calls WHERE state = 'answered' AND answered_by = ? ORDER BY answered_at DESC LIMIT 1`)
    .get(username);
  return row ? toLogged(row) : null;
}
