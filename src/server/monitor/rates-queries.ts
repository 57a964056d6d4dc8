import { type RateGrouping, rateRows } from '../../shared/domain/rate-rows';
import { rankRows, recurringProblems } from '../../shared/domain/ranking';
import { type Judgement, judgeTicket, type RateEvent, rateEventTypes } from '../../shared/domain/rates';
import { slaPolicyFrom, slaReferenceKinds } from '../../shared/domain/sla';
import type { Ranking, RateRow } from '../../shared/server-api/monitor';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { referenceLookup } from '../reference/reference-store';

interface RateEventRow {
  ticket_id: string;
  type: RateEvent['type'];
  at: Date;
  lead_unit: string | null;
  hours: number | null;
  approved: boolean | null;
  satisfaction: string | null;
  resolution: string | null;
}

const toRateEvent = (r: RateEventRow): RateEvent => {
  const at = r.at.toISOString();
  switch (r.type) {
    case 'dispatched':
      return { at, type: r.type, leadUnit: r.lead_unit ?? '' };
    case 'extension_requested':
      return { at, type: r.type, hours: r.hours ?? 0 };
    case 'extension_decided':
      return { at, type: r.type, approved: r.approved === true };
    case 'callback_recorded':
      return { at, type: r.type, satisfaction: r.satisfaction ?? '' };
    case 'closed':
      return { at, type: r.type, resolution: r.resolution ?? '' };
    default:
      return { at, type: r.type };
  }
};

/**
 * Every item decided in [from, to) (src/shared/domain/rates.ts has the definitions), judged on each
 * ticket's whole log. A decision in the period comes from an event in it, or from a limit running
 * out in it; a ticket whose limit ran out without a later event is still open, so open tickets are read too.
 */
export async function judgementsIn(db: Queryable, from: string, to: string, timeZone: string): Promise<Judgement[]> {
  const tickets = await db.query<{
    id: string;
    district_code: string | null;
    category: string | null;
    urgency: 'normal' | 'urgent' | 'emergency';
  }>(
    sql`SELECT t.id, t.district_code, t.category, t.urgency FROM tickets t
     WHERE t.created_at < ${to}
       AND (t.status <> 'closed' OR EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.at >= ${from}))`,
  );
  if (tickets.length === 0) return [];
  const events = await db.query<RateEventRow>(
    sql`SELECT e.ticket_id, e.type, e.at, e.payload ->> 'leadUnitCode' AS lead_unit, (e.payload ->> 'hours')::int AS hours,
       (e.payload ->> 'approved')::boolean AS approved, e.payload ->> 'satisfaction' AS satisfaction, e.payload ->> 'resolution' AS resolution
     FROM events e
     WHERE e.ticket_id = ANY(${tickets.map((t) => t.id)}::uuid[]) AND e.type = ANY(${rateEventTypes}::text[])
     ORDER BY e.seq`,
  );
  const byTicket = new Map<string, RateEvent[]>(tickets.map((t) => [t.id, []]));
  for (const row of events) byTicket.get(row.ticket_id)?.push(toRateEvent(row));
  const body = await referenceLookup(db, slaReferenceKinds);
  const now = Date.now();
  return tickets.flatMap((t) =>
    judgeTicket(
      {
        id: t.id,
        districtCode: t.district_code,
        limits: slaPolicyFrom({ fields: { category: t.category ?? undefined, urgency: t.urgency } }, body, timeZone),
        events: byTicket.get(t.id) ?? [],
      },
      now,
    ),
  );
}

/** The rates of [from, to) per unit or district, and the centre's total. */
export async function monitorRates(
  db: Queryable,
  from: string,
  to: string,
  by: RateGrouping,
  timeZone: string,
): Promise<{ rows: RateRow[]; total: RateRow }> {
  return rateRows(await judgementsIn(db, from, to, timeZone), by, Date.parse(from), Date.parse(to));
}

/** The Chinese name of a unit or district, for the CSV (the code where none is known). */
export async function referenceNames(db: Queryable, kind: RateGrouping): Promise<(code: string) => string> {
  const body = await referenceLookup(db, [kind]);
  return (code) => String(body(kind, code)?.zh ?? code);
}

/** A month of the centre's calendar as the instants it starts and ends. */
async function monthBounds(db: Queryable, month: string, timeZone: string): Promise<{ from: string; to: string }> {
  const start = `${month}-01 00:00:00`;
  const [row] = await db.query<{ month_start: Date; month_end: Date }>(
    sql`SELECT ${start}::timestamp AT TIME ZONE ${timeZone} AS month_start,
       (${start}::timestamp + interval '1 month') AT TIME ZONE ${timeZone} AS month_end`,
  );
  return { from: row!.month_start.toISOString(), to: row!.month_end.toISOString() };
}

/** The month's ranking of units and districts (src/shared/domain/ranking.ts), and its recurring problems. */
export async function monthlyRanking(db: Queryable, month: string, timeZone: string): Promise<Ranking> {
  const { from, to } = await monthBounds(db, month, timeZone);
  const judged = await judgementsIn(db, from, to, timeZone);
  const [fromMs, toMs] = [Date.parse(from), Date.parse(to)];
  const raised = await db.query<{ category: string; street_code: string; district_code: string | null; created_at: Date }>(
    sql`SELECT category, street_code, district_code, created_at FROM tickets
     WHERE created_at >= ${from} AND created_at < ${to} AND category IS NOT NULL AND street_code IS NOT NULL`,
  );
  return {
    month,
    from,
    to,
    units: rankRows(rateRows(judged, 'unit', fromMs, toMs).rows),
    districts: rankRows(rateRows(judged, 'district', fromMs, toMs).rows),
    problems: recurringProblems(
      raised.map((r) => ({
        category: r.category,
        streetCode: r.street_code,
        districtCode: r.district_code,
        createdAt: r.created_at.toISOString(),
      })),
      from,
    ),
  };
}
