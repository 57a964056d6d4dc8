import { resolveRoute } from './routing';
import { chooseRouting, type RuleEntry } from './routing-choice';
import { type HandledTicket, type LearningOptions, learnRoutingProposals, predictLead, proposalLookup } from './routing-learning';

/**
 * How well routing would have done on the newest tickets: proposals learned from the older ones
 * predict each newer ticket's lead unit, and so do the written rules alone and the two together as
 * the workstation chooses. A prediction is right when it names the very unit that led the ticket.
 */
export interface DatedHandledTicket extends HandledTicket {
  createdAt: string;
}

export interface MethodScore {
  right: number;
  total: number;
}

export interface RoutingEvaluation {
  trained: number;
  heldOut: number;
  learned: MethodScore;
  rules: MethodScore;
  combined: MethodScore;
}

/** The oldest (1 − heldOutShare) by created time to learn from, the newest to score on. */
export function splitByTime<T extends { createdAt: string }>(tickets: readonly T[], heldOutShare = 0.2): { older: T[]; newer: T[] } {
  const sorted = [...tickets].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const cut = Math.round(sorted.length * (1 - heldOutShare));
  return { older: sorted.slice(0, cut), newer: sorted.slice(cut) };
}

export function evaluateRouting(
  tickets: readonly DatedHandledTicket[],
  rules: readonly RuleEntry[],
  options: LearningOptions & { heldOutShare?: number } = {},
): RoutingEvaluation {
  const { older, newer } = splitByTime(tickets, options.heldOutShare);
  const lookup = proposalLookup(learnRoutingProposals(older, options));
  const none = proposalLookup([]);
  const score = (predict: (t: DatedHandledTicket) => string | null): MethodScore => ({
    right: newer.filter((t) => predict(t) === t.leadUnitCode).length,
    total: newer.length,
  });
  const where = (t: DatedHandledTicket) => ({ districtCode: t.districtCode ?? undefined, streetCode: t.streetCode ?? undefined });
  // As the workstation does: with nothing to go on, the district government.
  const chosen = (t: DatedHandledTicket, proposals: typeof lookup) => {
    const choice = chooseRouting(t, rules, proposals);
    const resolved = resolveRoute(choice.source === 'none' ? 'district' : choice.target, where(t));
    return resolved.ok ? resolved.unitCode : null;
  };
  return {
    trained: older.length,
    heldOut: newer.length,
    learned: score((t) => predictLead(lookup, t)?.unitCode ?? null),
    rules: score((t) => chosen(t, none)),
    combined: score((t) => chosen(t, lookup)),
  };
}
