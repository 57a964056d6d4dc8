import type { MonitorAgent } from '../../shared/server-api/monitor';
import type { StateSeconds } from '../../shared/server-api/presence';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';

const noTime = (): StateSeconds => ({ available: 0, on_call: 0, wrap_up: 0, break: 0 });
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Seconds in each state between `from` and `to`, per user id, from the spans that overlap them. */
async function stateSeconds(db: Queryable, from: Date, to: Date): Promise<Map<string, StateSeconds>> {
  const rows = await db.query<{ user_id: string; state: keyof StateSeconds; seconds: number }>(
    sql`SELECT user_id, state,
       sum(extract(epoch FROM least(coalesce(ended_at, ${to}), ${to}) - greatest(started_at, ${from})))::float8 AS seconds
     FROM presence_spans
     WHERE started_at < ${to} AND (ended_at IS NULL OR ended_at > ${from}) AND state IN ('available', 'on_call', 'wrap_up', 'break')
     GROUP BY 1, 2`,
  );
  const byUser = new Map<string, StateSeconds>();
  for (const r of rows) {
    const times = byUser.get(r.user_id) ?? noTime();
    times[r.state] += Math.max(0, r.seconds);
    byUser.set(r.user_id, times);
  }
  return byUser;
}

/** Every agent and lead: presence with its reason and raised hand, today's calls and tickets, and time in each state. */
export async function monitorAgents(db: Queryable, dayStart: Date, at: Date): Promise<MonitorAgent[]> {
  const rows = await db.query<{
    id: string;
    username: string;
    display_name: string;
    role: 'agent' | 'lead';
    state: MonitorAgent['state'] | null;
    since: Date | null;
    reason: string | null;
    help_since: Date | null;
    help_answered_by: string | null;
    call_since: Date | null;
    tickets_today: number;
    calls_today: number;
    aht: number | null;
  }>(
    sql`SELECT u.id, u.username, u.display_name, u.role, p.state, p.since, p.reason, p.help_since, p.help_answered_by,
       (SELECT max(c.answered_at) FROM calls c WHERE c.answered_by = u.username AND c.state = 'answered') AS call_since,
       (SELECT count(*)::int FROM tickets t WHERE t.created_by = u.username AND t.created_at >= ${dayStart}) AS tickets_today,
       h.calls_today, h.aht
     FROM users u
     LEFT JOIN presence p ON p.user_id = u.id
     LEFT JOIN LATERAL (
       SELECT count(*)::int AS calls_today, avg(extract(epoch FROM c.ended_at - c.answered_at))::float8 AS aht
       FROM calls c WHERE c.answered_by = u.username AND c.answered_at >= ${dayStart} AND c.ended_at IS NOT NULL
     ) h ON true
     WHERE u.role IN ('agent', 'lead') AND NOT u.disabled
     ORDER BY u.username`,
  );
  const times = await stateSeconds(db, dayStart, at);
  return rows.map((r) => ({
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    state: r.state ?? 'disconnected',
    since: iso(r.since),
    callSince: iso(r.call_since),
    ticketsToday: r.tickets_today,
    callsToday: r.calls_today,
    ahtSeconds: r.calls_today > 0 ? r.aht : null,
    reason: r.reason,
    helpSince: iso(r.help_since),
    helpAnsweredBy: r.help_answered_by,
    today: times.get(r.id) ?? noTime(),
  }));
}
