import type { presenceStates } from '../../shared/server-api/presence';
import { isSpike } from '../../shared/domain/hot-spots';
import type { HeatCell, MonitorSnapshot, MonitorTicket } from '../../shared/server-api/monitor';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { eventHead } from '../events/pull';
import { monitorAgents } from './monitor-agents';
import { usualByHour } from './usual-by-hour';

export interface MonitorSummary {
  byStatus: Record<string, number>;
  openByDistrict: Record<string, number>;
  agents: { userId: string; displayName: string; state: (typeof presenceStates)[number]; since: string }[];
}

interface TicketRow {
  id: string;
  last_seq: string | number;
  official_no: string;
  status: MonitorTicket['status'];
  category: string | null;
  urgency: MonitorTicket['urgency'];
  district_code: string | null;
  street_code: string | null;
  lead_unit: string | null;
  created_at: Date;
  created_by: string | null;
  due_stage: MonitorTicket['dueStage'];
  due_started_at: Date | null;
  due_at: Date | null;
  incident_id: string | null;
  urged_count: number;
}

const ticketColumns = sql`id, last_seq, official_no, status, category, urgency, district_code, street_code, lead_unit, created_at,
  created_by, due_stage, due_started_at, due_at, incident_id, coalesce((state->>'urgedCount')::int, 0) AS urged_count`;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const toMonitorTicket = (r: TicketRow): MonitorTicket => ({
  id: r.id,
  seq: Number(r.last_seq),
  number: r.official_no,
  status: r.status,
  category: r.category,
  urgency: r.urgency,
  districtCode: r.district_code,
  streetCode: r.street_code,
  leadUnit: r.lead_unit,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by ?? '',
  dueStage: r.due_stage,
  dueStartedAt: iso(r.due_started_at),
  dueAt: iso(r.due_at),
  incidentId: r.incident_id,
  urgedCount: r.urged_count,
});

/** Tickets changed after `afterSeq` (closed ones included, so a monitor can drop them): the live delta. */
export async function ticketsChangedAfter(db: Queryable, afterSeq: number): Promise<MonitorTicket[]> {
  const rows = await db.query<TicketRow>(sql`SELECT ${ticketColumns} FROM tickets WHERE last_seq > ${afterSeq} ORDER BY last_seq`);
  return rows.map(toMonitorTicket);
}

/** The tickets linked to an incident, whatever their state: the delta after the link. */
export async function ticketsOfIncident(db: Queryable, incidentId: string): Promise<MonitorTicket[]> {
  const rows = await db.query<TicketRow>(sql`SELECT ${ticketColumns} FROM tickets WHERE incident_id = ${incidentId}`);
  return rows.map(toMonitorTicket);
}

/** Midnight today in the centre's time zone, as an instant. */
async function startOfToday(db: Queryable, timeZone: string): Promise<Date> {
  const [row] = await db.query<{ start: Date }>(
    sql`SELECT date_trunc('day', now() AT TIME ZONE ${timeZone}) AT TIME ZONE ${timeZone} AS start`,
  );
  return row!.start;
}

async function intakeByHour(db: Queryable, dayStart: Date, timeZone: string): Promise<MonitorSnapshot['intakeByHour']> {
  const rows = await db.query<{ hour: number; today: number }>(
    sql`SELECT extract(hour FROM created_at AT TIME ZONE ${timeZone})::int AS hour, count(*)::int AS today
     FROM tickets WHERE created_at >= ${dayStart} GROUP BY 1`,
  );
  const today = new Map(rows.map((r) => [r.hour, r.today]));
  const usual = await usualByHour(db, sql`tickets`, sql`created_at`, timeZone);
  return usual.map((baseline, hour) => ({ hour, today: today.get(hour) ?? 0, baseline }));
}

/** Category × district over the last 24 hours against the same 24 hours on each of the 7 days before. */
async function heat(db: Queryable): Promise<HeatCell[]> {
  const rows = await db.query<{ category: string; district_code: string; count: number; earlier: number; ids: string[] }>(
    sql`SELECT category, district_code,
       count(*) FILTER (WHERE created_at >= now() - interval '24 hours')::int AS count,
       count(*) FILTER (WHERE created_at < now() - interval '24 hours')::int AS earlier,
       coalesce(array_agg(id::text) FILTER (WHERE created_at >= now() - interval '24 hours'), '{}') AS ids
     FROM tickets
     WHERE created_at >= now() - interval '8 days' AND category IS NOT NULL AND district_code IS NOT NULL
     GROUP BY 1, 2`,
  );
  return rows
    .filter((r) => r.count > 0)
    .map((r) => {
      const baseline = r.earlier / 7;
      return {
        category: r.category,
        districtCode: r.district_code,
        count: r.count,
        baseline,
        spike: isSpike(r.count, baseline),
        ticketIds: r.ids,
      };
    })
    .sort((a, b) => Number(b.spike) - Number(a.spike) || b.count - a.count);
}

export async function monitorSnapshot(db: Queryable, timeZone: string): Promise<MonitorSnapshot> {
  const at = new Date();
  const head = await eventHead(db);
  const dayStart = await startOfToday(db, timeZone);
  const tickets = await db.query<TicketRow>(sql`SELECT ${ticketColumns} FROM tickets WHERE status <> 'closed' AND last_seq <= ${head}`);
  const waiting = await db.query<{ id: string; queue: string | null; from_number: string; started_at: Date }>(
    sql`SELECT id, queue, from_number, started_at FROM calls WHERE state = 'ringing' ORDER BY started_at`,
  );
  return {
    at: at.toISOString(),
    head,
    tickets: tickets.map(toMonitorTicket),
    agents: await monitorAgents(db, dayStart, at),
    waiting: waiting.map((c) => ({ id: c.id, queue: c.queue, from: c.from_number, startedAt: c.started_at.toISOString() })),
    intakeByHour: await intakeByHour(db, dayStart, timeZone),
    heat: await heat(db),
  };
}

/** Ticket counts by status, open tickets by district, and who is present in what state. */
export async function monitorSummary(db: Queryable): Promise<MonitorSummary> {
  const byStatus = await db.query<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM tickets GROUP BY status`);
  const byDistrict = await db.query<{ district: string; n: number }>(
    sql`SELECT coalesce(district_code, 'unknown') AS district, count(*)::int AS n FROM tickets WHERE status <> 'closed' GROUP BY 1`,
  );
  const agents = await db.query<{ user_id: string; display_name: string; state: MonitorSummary['agents'][number]['state']; since: Date }>(
    sql`SELECT p.user_id, u.display_name, p.state, p.since FROM presence p JOIN users u ON u.id = p.user_id ORDER BY u.display_name`,
  );
  return {
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    openByDistrict: Object.fromEntries(byDistrict.map((r) => [r.district, r.n])),
    agents: agents.map((a) => ({ userId: a.user_id, displayName: a.display_name, state: a.state, since: a.since.toISOString() })),
  };
}
