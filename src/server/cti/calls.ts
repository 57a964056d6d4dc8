import type { Call, CtiEvent } from '../../shared/server-api/cti';
import type { Database, Queryable } from '../db/database';
import { sql } from '../db/sql';

export const callsChannel = 'hotline_calls';

interface CallRow {
  id: string;
  direction: Call['direction'];
  from_number: string;
  to_number: string;
  queue: string | null;
  state: Call['state'];
  users: string[];
  answered_by: string | null;
  cause: Call['cause'];
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
}

const toCall = (r: CallRow): Call => ({
  id: r.id,
  direction: r.direction,
  from: r.from_number,
  to: r.to_number,
  queue: r.queue,
  state: r.state,
  users: r.users,
  answeredBy: r.answered_by,
  cause: r.cause,
  startedAt: r.started_at.toISOString(),
  answeredAt: r.answered_at?.toISOString() ?? null,
  endedAt: r.ended_at?.toISOString() ?? null,
});

const columns = sql`id, direction, from_number, to_number, queue, state, users, answered_by, cause, started_at, answered_at, ended_at`;

/** The agent who answered: named by the switch, or found by the extension that picked up. */
async function answeringAgent(db: Queryable, event: CtiEvent): Promise<string | null> {
  const named = event.user?.[0];
  if (named) return named;
  if (!event.answeringNumber) return null;
  const [row] = await db.query<{ username: string }>(sql`SELECT username FROM users WHERE extension = ${event.answeringNumber}`);
  return row?.username ?? null;
}

/**
 * Applies one switch event to its call. Switches resend events and may deliver them out of order,
 * so each step only moves a call forward: a repeated `newCall` or an `answer` after the hangup
 * changes nothing; an `answer` or `hangup` for a call never announced creates it.
 * Tells every server process's live clients (by id, on commit), who pass it to the agents concerned.
 */
export async function recordCtiEvent(db: Database, switchId: string, event: CtiEvent): Promise<Call> {
  return db.transaction(async (tx) => {
    const answeredBy = event.event === 'answer' ? await answeringAgent(tx, event) : null;
    const state = event.event === 'newCall' ? 'ringing' : event.event === 'answer' ? 'answered' : 'ended';
    const [row] = await tx.query<CallRow>(
      sql`INSERT INTO calls AS c (id, switch_id, direction, from_number, to_number, queue, state, users, answered_by,
         answering_number, cause, started_at, answered_at, ended_at)
       VALUES (${event.callId}, ${switchId}, ${event.direction}, ${event.from}, ${event.to}, ${event.queue ?? null}, ${state},
         ${event.event === 'answer' ? [] : (event.user ?? [])}, ${answeredBy}, ${event.answeringNumber ?? null}, ${event.cause ?? null},
         now(),
         ${state === 'answered' ? sql`now()` : sql`NULL`}, ${state === 'ended' ? sql`now()` : sql`NULL`})
       ON CONFLICT (id) DO UPDATE SET
         state = CASE
           WHEN c.state = 'ended' THEN 'ended'
           WHEN excluded.state = 'ringing' THEN c.state
           ELSE excluded.state END,
         users = CASE WHEN cardinality(c.users) = 0 THEN excluded.users ELSE c.users END,
         queue = coalesce(c.queue, excluded.queue),
         answered_by = CASE WHEN c.state = 'ringing' AND excluded.state = 'answered' THEN excluded.answered_by ELSE c.answered_by END,
         answering_number = coalesce(c.answering_number, excluded.answering_number),
         answered_at = CASE WHEN c.state = 'ringing' AND excluded.state = 'answered' THEN now() ELSE c.answered_at END,
         cause = CASE WHEN c.state <> 'ended' AND excluded.state = 'ended' THEN excluded.cause ELSE c.cause END,
         ended_at = CASE WHEN c.state <> 'ended' AND excluded.state = 'ended' THEN now() ELSE c.ended_at END
       RETURNING ${columns}`,
    );
    // Only the state reached and the id travel (`answered:<id>`): a call ringing many agents would not
    // fit in a notification's 8,000 bytes.
    await tx.query(sql`SELECT pg_notify(${callsChannel}, ${`${row!.state}:${row!.id}`})`);
    return toCall(row!);
  });
}

const stages: Call['state'][] = ['ringing', 'answered', 'ended'];

/**
 * The call as it was when it reached `state`, for a process told so: read now, it may have moved
 * on (answered a moment after it rang), and since a call only moves forward, the later steps'
 * columns are simply left out. Null if it is not there.
 */
export async function callAsOf(db: Queryable, id: string, state: Call['state']): Promise<Call | null> {
  const [row] = await db.query<CallRow>(sql`SELECT ${columns} FROM calls WHERE id = ${id}`);
  if (!row) return null;
  const call = toCall(row);
  if (stages.indexOf(state) >= stages.indexOf(call.state)) return call;
  const ended = { endedAt: null, cause: null };
  return state === 'answered' ? { ...call, ...ended, state } : { ...call, ...ended, state, answeredBy: null, answeredAt: null };
}

/** The agents a call is for: those it rings and the one who answered (screen-pop). */
export const callRecipients = (call: Call): Set<string> => new Set([...call.users, ...(call.answeredBy ? [call.answeredBy] : [])]);

export async function recentCalls(db: Queryable, limit: number): Promise<Call[]> {
  const rows = await db.query<CallRow>(sql`SELECT ${columns} FROM calls ORDER BY started_at DESC LIMIT ${limit}`);
  return rows.map(toCall);
}
