import type { RoutingPreview } from '../server-api/reference-admin';
import type { ReferenceBodies } from './reference';
import { resolveRoute } from './routing';

export interface RoutingRuleItem {
  code: string;
  body: ReferenceBodies['routingRule'];
}

export interface RoutingProposalItem {
  code: string;
  body: ReferenceBodies['routingProposal'];
}

export interface RoutingQuestion {
  category: string;
  districtCode?: string | undefined;
  streetCode?: string | undefined;
}

const none: RoutingPreview = { leadUnitCode: null, unitCodes: [], source: 'none', ruleCode: null, share: null };

function fromRule(rule: RoutingRuleItem, where: RoutingQuestion): RoutingPreview {
  const resolved = resolveRoute(rule.body.target, { districtCode: where.districtCode, streetCode: where.streetCode });
  const lead = resolved.ok ? resolved.unitCode : null;
  const also = (rule.body.also ?? []).filter((code) => code !== lead);
  return { leadUnitCode: lead, unitCodes: [...(lead ? [lead] : []), ...new Set(also)], source: 'rule', ruleCode: rule.code, share: null };
}

/**
 * Who a category at an address goes to, and why. A written rule for the street wins, then one for
 * the district; where neither is written, what the centre's history proposes for that street or
 * district (its unit with the largest share); then the category's city-wide rule; else nobody.
 * Retired units (`active` says false) are never proposed from history.
 */
export function chooseRoute(
  question: RoutingQuestion,
  rules: readonly RoutingRuleItem[],
  proposals: readonly RoutingProposalItem[],
  active: (unitCode: string) => boolean = () => true,
): RoutingPreview {
  const { category, districtCode, streetCode } = question;
  const ofCategory = rules.filter((r) => r.body.category === category);
  const streetRule = streetCode ? ofCategory.find((r) => r.body.streetCode === streetCode) : undefined;
  if (streetRule) return fromRule(streetRule, question);
  const districtRule = districtCode ? ofCategory.find((r) => r.body.districtCode === districtCode && !r.body.streetCode) : undefined;
  if (districtRule) return fromRule(districtRule, question);

  const learned = proposals.filter((p) => p.body.category === category && districtCode && p.body.districtCode === districtCode);
  const proposal =
    (streetCode ? learned.find((p) => p.body.streetCode === streetCode) : undefined) ?? learned.find((p) => !p.body.streetCode);
  const top = proposal?.body.units.filter((u) => active(u.unitCode)).sort((a, b) => b.share - a.share)[0];
  if (top) return { leadUnitCode: top.unitCode, unitCodes: [top.unitCode], source: 'history', ruleCode: null, share: top.share };

  const cityRule = ofCategory.find((r) => r.body.districtCode === null && !r.body.streetCode);
  return cityRule ? fromRule(cityRule, question) : none;
}
