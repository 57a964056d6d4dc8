import type { RoutingPreview } from '../server-api/reference-admin';
import type { ReferenceBodies } from './reference';
import { type RouteTarget, resolveRoute } from './routing';
import { type Address, type ProposalLookup, proposalCode, proposalLookup, proposalsFor, type RoutingProposal } from './routing-learning';

/**
 * Which target routes a ticket: the written rules and the proposals learned from history, in one
 * order of precedence, shared by the workstation's dispatch and the admin's routing preview.
 *   1. a written rule for the street, then for the district — the centre said so for this place;
 *   2. a history proposal for the street, then the district, if it is clear enough (below);
 *   3. the category's city-wide written rule;
 *   4. the category's city-wide history proposal, if clear enough;
 *   5. nothing: the caller falls back to the district government.
 * History beats only the city-wide rule: a city-wide rule is a default written without knowing each
 * district, while a district or street rule is a decision about that place. A proposal is clear
 * enough when its top unit led at least `minShare` of at least `minTickets` tickets: 0.6 keeps out
 * places split between two units, 10 keeps out a handful of tickets that happened to go one way.
 * A proposal that names the city-wide rule's own target adds nothing: the rule is named then.
 * A retired unit (`active` false) is never proposed from history: its proposal's next unit is
 * taken, if it is clear enough by itself.
 */
export interface HistoryThresholds {
  minShare: number;
  minTickets: number;
}
export const historyThresholds: HistoryThresholds = { minShare: 0.6, minTickets: 10 };

export interface RuleEntry {
  code: string;
  body: ReferenceBodies['routingRule'];
}

export type ChoiceLevel = 'street' | 'district' | 'city';

export type RoutingChoice =
  | { source: 'rule'; target: RouteTarget; also: string[]; code: string; level: ChoiceLevel }
  | { source: 'history'; target: RouteTarget; also: string[]; code: string; level: ChoiceLevel; share: number; tickets: number }
  | { source: 'none' };

const ruleLevel = (rule: RuleEntry['body']): ChoiceLevel => (rule.streetCode ? 'street' : rule.districtCode ? 'district' : 'city');

/** The written rule of the category for this level of the address, if there is one. */
function ruleAt(rules: readonly RuleEntry[], address: Address, level: ChoiceLevel): RuleEntry | undefined {
  return rules.find((r) => {
    if (r.body.category !== address.category || ruleLevel(r.body) !== level) return false;
    if (level === 'street') return !!address.streetCode && r.body.streetCode === address.streetCode;
    if (level === 'district') return !!address.districtCode && r.body.districtCode === address.districtCode;
    return true;
  });
}

/** A proposal's leading unit that is still in service at this address, or none. */
function topActive(proposal: RoutingProposal, address: Address, active: (unitCode: string) => boolean) {
  const where = { districtCode: address.districtCode ?? undefined, streetCode: address.streetCode ?? undefined };
  // Largest share first, whoever wrote the list.
  return [...proposal.units]
    .sort((a, b) => b.share - a.share)
    .find((u) => {
      const resolved = resolveRoute(u.unitCode, where);
      return active(resolved.ok ? resolved.unitCode : u.unitCode);
    });
}

/** Where a ticket of this category at this address goes, and on whose word (see the order above). */
export function chooseRouting(
  address: Address,
  rules: readonly RuleEntry[],
  proposals: ProposalLookup,
  options: { thresholds?: HistoryThresholds; active?: (unitCode: string) => boolean } = {},
): RoutingChoice {
  const { thresholds = historyThresholds, active = () => true } = options;
  if (!address.category) return { source: 'none' };
  const fromRule = (rule: RuleEntry): RoutingChoice => ({
    source: 'rule',
    target: rule.body.target,
    also: rule.body.also ?? [],
    code: rule.code,
    level: ruleLevel(rule.body),
  });
  for (const level of ['street', 'district'] as const) {
    const rule = ruleAt(rules, address, level);
    if (rule) return fromRule(rule);
  }
  const clear = proposalsFor(proposals, address).flatMap(({ level, code, proposal }) => {
    const top = topActive(proposal, address, active);
    return top && proposal.tickets >= thresholds.minTickets && top.share >= thresholds.minShare
      ? [{ level, code, top, tickets: proposal.tickets }]
      : [];
  });
  const fromHistory = ({ level, code, top, tickets }: (typeof clear)[number]): RoutingChoice => ({
    source: 'history',
    target: top.unitCode,
    also: [],
    code,
    level,
    share: top.share,
    tickets,
  });
  const cityRule = ruleAt(rules, address, 'city');
  const local = clear.find((c) => c.level !== 'city');
  if (local && local.top.unitCode !== cityRule?.body.target) return fromHistory(local);
  if (cityRule) return fromRule(cityRule);
  const city = clear.find((c) => c.level === 'city');
  return city ? fromHistory(city) : { source: 'none' };
}

/** The names the admin's routing preview uses for its inputs. */
export type RoutingRuleItem = RuleEntry;
export interface RoutingProposalItem {
  code: string;
  body: RoutingProposal;
}

export interface RoutingQuestion {
  category: string;
  districtCode?: string | undefined;
  streetCode?: string | undefined;
}

/**
 * The admin's routing preview: the same choice with its target resolved for the address — the
 * lead unit (null when the address cannot name one) and the rule's co-handling units after it.
 * Proposals are matched by what they say, not by their codes.
 */
export function chooseRoute(
  question: RoutingQuestion,
  rules: readonly RuleEntry[],
  proposals: readonly RoutingProposalItem[],
  active: (unitCode: string) => boolean = () => true,
): RoutingPreview {
  const byPlace = proposalLookup(
    proposals.map((p) => ({ code: proposalCode(p.body.category, p.body.districtCode, p.body.streetCode), body: p.body })),
  );
  const choice = chooseRouting(question, rules, byPlace, { active });
  if (choice.source === 'none') return { leadUnitCode: null, unitCodes: [], source: 'none', ruleCode: null, share: null };
  const resolved = resolveRoute(choice.target, { districtCode: question.districtCode, streetCode: question.streetCode });
  const lead = resolved.ok ? resolved.unitCode : null;
  const also = choice.also.filter((code) => code !== lead);
  return {
    leadUnitCode: lead,
    unitCodes: [...(lead ? [lead] : []), ...new Set(also)],
    source: choice.source,
    ruleCode: choice.source === 'rule' ? choice.code : null,
    share: choice.source === 'history' ? choice.share : null,
  };
}
