import { checkReferenceBody } from '../../shared/domain/reference';
import type { Refusal } from '../../shared/domain/refusal';
import { resolveRoute } from '../../shared/domain/routing';
import { chooseRouting, type RuleEntry } from '../../shared/domain/routing-choice';
import type { SlaPolicy } from '../../shared/domain/sla';
import { slaClock, slaPolicyFrom } from '../../shared/domain/sla';
import { defaultTimeZone } from '../../shared/domain/working-calendar';
import { z } from 'zod';
import type { Ticket } from '../../shared/domain/ticket';
import type { Db } from './database';
import { prepared } from './prepared';
import { referenceBody as body, referenceNames } from './reference-store';
import { readSetting, writeSetting } from './settings-store';

export interface RouteProposal {
  unitCode: string;
  /** How the rule matrix got there, for the agent to see: street, district, fixed or fallback. */
  why: 'street' | 'district' | 'fixed' | 'fallback-district';
  /** The rule that applied (`heating.temperature@*`), or null for history and the no-category fallback. */
  rule: string | null;
  /** Present when no written rule for the place decided and the centre's history did: the top unit's share. */
  history?: { share: number; tickets: number };
}

/** The cached written rules of one category, at every level (city-wide, district, street). */
function rulesOf(db: Db, category: string): RuleEntry[] {
  const rows = prepared<[string], { code: string; body: string }>(
    db,
    `SELECT code, body FROM reference_data WHERE kind = 'routingRule' AND body ->> 'category' = ? ORDER BY code`,
  ).all(category);
  return rows.flatMap((r) => {
    const check = checkReferenceBody('routingRule', JSON.parse(r.body));
    return check.ok ? [{ code: r.code, body: check.body }] : [];
  });
}

/**
 * The rule matrix with the centre's history (see chooseRouting for the order): category ×
 * jurisdiction → handling unit. A ticket without category, rule or clear history goes to its
 * district government.
 */
export function proposeRoute(db: Db, ticket: Pick<Ticket, 'fields'>): RouteProposal | { refusal: Refusal } {
  const { category, districtCode, streetCode } = ticket.fields;
  const where = { districtCode, streetCode };
  const choice = chooseRouting(
    { category, districtCode, streetCode },
    category ? rulesOf(db, category) : [],
    (code) => body(db, 'routingProposal', code) ?? undefined,
    // A unit retired since the history was learned is not proposed again.
    { active: (unitCode) => body(db, 'unit', unitCode)?.active !== false },
  );
  const resolved = resolveRoute(choice.source === 'none' ? 'district' : choice.target, where);
  if (!resolved.ok) return { refusal: resolved.refusal };
  if (choice.source === 'history')
    return { unitCode: resolved.unitCode, why: resolved.why, rule: null, history: { share: choice.share, tickets: choice.tickets } };
  return choice.source === 'rule'
    ? { unitCode: resolved.unitCode, why: resolved.why, rule: choice.code }
    : { unitCode: resolved.unitCode, why: 'fallback-district', rule: null };
}

/** A unit's name in both languages, from the cached reference data. */
export const unitNames = (db: Db, unitCode: string): { zh: string; en: string } => {
  const [zh, en] = referenceNames(db, 'unit', unitCode);
  return { zh: zh ?? unitCode, en: en ?? zh ?? unitCode };
};

const timeZoneKey = 'centre.timeZone';

/** The centre's time zone as its server last named it (Asia/Shanghai before any); working days are counted in it. */
export const centreTimeZone = (db: Db): string => readSetting(db, timeZoneKey, z.string()) ?? defaultTimeZone;

/** Keeps the centre's zone; true when it changed (the cached deadlines then need working out again). */
export function setCentreTimeZone(db: Db, timeZone: string, now: string): boolean {
  if (centreTimeZone(db) === timeZone) return false;
  writeSetting(db, timeZoneKey, timeZone, now);
  return true;
}

/** The time limits for a ticket: its category's class (emergency calls always emergency). */
export function slaPolicyFor(db: Db, ticket: Pick<Ticket, 'fields'>): SlaPolicy {
  // Without reference data yet (a workstation that never synced), Beijing's general limits.
  return (
    slaPolicyFrom(ticket, (kind, code) => body(db, kind, code) ?? undefined, centreTimeZone(db)) ?? {
      dispatchMinutes: 1440,
      feedbackMinutes: 7 * 1440,
    }
  );
}

/** The ticket's running deadline, if any: `{stage, startedAt, dueAt}`; the UI counts down from it. */
export function deadlineOf(db: Db, ticket: Ticket): { stage: 'dispatch' | 'feedback'; startedAt: string; dueAt: string } | null {
  const clock = slaClock(ticket, slaPolicyFor(db, ticket), new Date());
  return clock ? { stage: clock.stage, startedAt: clock.startedAt, dueAt: clock.dueAt } : null;
}
