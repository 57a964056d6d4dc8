import type { RuleEntry } from '../../shared/domain/routing-choice';
import { type DatedHandledTicket, evaluateRouting, type RoutingEvaluation } from '../../shared/domain/routing-evaluation';
import { learnRoutingProposals, type ProposalEntry } from '../../shared/domain/routing-learning';
import { checkReferenceBody } from '../../shared/domain/reference';
import type { Database } from '../db/database';
import { sql } from '../db/sql';
import { upsertReference } from '../reference/reference-store';

/**
 * Routing learned from the centre's ticket history, published as reference kind routingProposal
 * beside the retrained classifier (by `npm run train` and the nightly job), and scored on the
 * newest tickets against the written rules.
 */

/**
 * Every handled ticket with a category: the unit that gave its feedback, or else the lead unit it
 * was dispatched to (a ticket returned and not yet dispatched again has neither and is left out).
 */
export async function handledHistory(db: Database, limit = 500_000): Promise<DatedHandledTicket[]> {
  const rows = await db.query<{
    category: string;
    district_code: string | null;
    street_code: string | null;
    lead: string;
    created_at: Date | string;
  }>(
    sql`SELECT * FROM (
       SELECT category, district_code, street_code, coalesce(state -> 'feedback' ->> 'unitCode', state ->> 'leadUnitCode') AS lead, created_at
       FROM tickets WHERE category IS NOT NULL AND coalesce(state -> 'feedback' ->> 'unitCode', state ->> 'leadUnitCode') IS NOT NULL
       ORDER BY created_at DESC LIMIT ${limit}) AS newest
     ORDER BY created_at`,
  );
  return rows.map((r) => ({
    category: r.category,
    districtCode: r.district_code,
    streetCode: r.street_code,
    leadUnitCode: r.lead,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The routing rules the centre wrote, as stored now (a row this build cannot read is left out). */
export async function writtenRules(db: Database): Promise<RuleEntry[]> {
  const rows = await db.query<{ code: string; body: unknown }>(
    sql`SELECT code, body FROM reference_items WHERE kind = 'routingRule' AND NOT deleted ORDER BY code`,
  );
  return rows.flatMap((r) => {
    const check = checkReferenceBody('routingRule', r.body);
    return check.ok ? [{ code: r.code, body: check.body }] : [];
  });
}

export interface RoutingRelearnResult {
  proposals: ProposalEntry[];
  /** How many proposals were new or changed, and so go out to the workstations. */
  changed: number;
  tickets: number;
  evaluation: RoutingEvaluation;
  seconds: number;
}

/**
 * Learns the proposals from all of the history and publishes them in one write: only the ones that
 * changed get a new version. The evaluation trains apart on the older 80 % and scores the newest 20 %.
 */
export async function relearnRouting(db: Database): Promise<RoutingRelearnResult> {
  const started = performance.now();
  const history = await handledHistory(db);
  const evaluation = evaluateRouting(history, await writtenRules(db));
  const proposals = learnRoutingProposals(history);
  const changed = proposals.length > 0 ? await upsertReference(db, proposals) : 0;
  return { proposals, changed, tickets: history.length, evaluation, seconds: (performance.now() - started) / 1000 };
}
