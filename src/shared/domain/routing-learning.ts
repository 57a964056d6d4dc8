import type { ReferenceBodies } from './reference';
import { type RouteTarget, resolveRoute } from './routing';

/**
 * Routing learned from the centre's history: who led the tickets of a category in a district (and,
 * with enough of them, in a street), as proposals the workstation offers where no written rule
 * says otherwise. A unit is kept as a target the way routing rules name one: `street` for the
 * street office of the ticket's own address, `district` for its district government, or a fixed
 * unit's code — so "the street office handles it" is learned once for every street of a district.
 */
export type RoutingProposal = ReferenceBodies['routingProposal'];
export interface ProposalEntry {
  kind: 'routingProposal';
  code: string;
  body: RoutingProposal;
}

/** A handled ticket: its category, its address and the unit that led it (or gave the feedback). */
export interface HandledTicket {
  category: string;
  districtCode: string | null;
  streetCode: string | null;
  leadUnitCode: string;
}

export interface LearningOptions {
  /** Tickets of a category in one street before the street gets its own proposal. */
  streetMinimum?: number;
  /** Tickets of a category in one district before the district gets a proposal. */
  districtMinimum?: number;
  /** Units listed per proposal, most tickets first; the shares stay shares of all its tickets. */
  maxUnits?: number;
}

export const defaultStreetMinimum = 20;

/** The lead unit as a target relative to the ticket's address, so one street's habit speaks for all. */
export function targetOf(ticket: Pick<HandledTicket, 'districtCode' | 'streetCode' | 'leadUnitCode'>): RouteTarget {
  if (ticket.streetCode && ticket.leadUnitCode === `street:${ticket.streetCode}`) return 'street';
  if (ticket.districtCode && ticket.leadUnitCode === `district:${ticket.districtCode}`) return 'district';
  return ticket.leadUnitCode;
}

/** A proposal's code: `heating.temperature@*` city-wide, `…@110105` for a district, `…@110105017` for a street. */
export function proposalCode(category: string, districtCode: string | null, streetCode?: string | null): string {
  return `${category}@${streetCode || districtCode || '*'}`;
}

interface Tally {
  category: string;
  districtCode: string | null;
  streetCode: string | null;
  byTarget: Map<string, number>;
  tickets: number;
}

function count(tallies: Map<string, Tally>, key: Omit<Tally, 'byTarget' | 'tickets'>, target: string) {
  const code = proposalCode(key.category, key.districtCode, key.streetCode);
  let tally = tallies.get(code);
  if (!tally) tallies.set(code, (tally = { ...key, byTarget: new Map(), tickets: 0 }));
  tally.byTarget.set(target, (tally.byTarget.get(target) ?? 0) + 1);
  tally.tickets++;
}

function proposalOf(tally: Tally, maxUnits: number): RoutingProposal {
  const units = [...tally.byTarget]
    // Most tickets first; a tie goes to the code that sorts first, so the result never depends on input order.
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxUnits)
    .map(([unitCode, tickets]) => ({ unitCode, tickets, share: tickets / tally.tickets }));
  return {
    category: tally.category,
    districtCode: tally.districtCode,
    ...(tally.streetCode ? { streetCode: tally.streetCode } : {}),
    units,
    tickets: tally.tickets,
  };
}

/**
 * Proposals from handled tickets: one per category city-wide, per category × district, and per
 * category × street where the street had at least `streetMinimum` of them. Ordered by code.
 */
export function learnRoutingProposals(tickets: Iterable<HandledTicket>, options: LearningOptions = {}): ProposalEntry[] {
  const streetMinimum = options.streetMinimum ?? defaultStreetMinimum;
  const districtMinimum = options.districtMinimum ?? 1;
  const maxUnits = options.maxUnits ?? 5;
  const city = new Map<string, Tally>();
  const districts = new Map<string, Tally>();
  const streets = new Map<string, Tally>();
  for (const t of tickets) {
    const target = targetOf(t);
    count(city, { category: t.category, districtCode: null, streetCode: null }, target);
    if (t.districtCode) count(districts, { category: t.category, districtCode: t.districtCode, streetCode: null }, target);
    if (t.districtCode && t.streetCode)
      count(streets, { category: t.category, districtCode: t.districtCode, streetCode: t.streetCode }, target);
  }
  const entries: ProposalEntry[] = [];
  const keep = (tallies: Map<string, Tally>, minimum: number) => {
    for (const [code, tally] of tallies)
      if (tally.tickets >= minimum) entries.push({ kind: 'routingProposal', code, body: proposalOf(tally, maxUnits) });
  };
  keep(city, 1);
  keep(districts, districtMinimum);
  keep(streets, streetMinimum);
  return entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export type ProposalLookup = (code: string) => RoutingProposal | undefined;

export const proposalLookup = (entries: Iterable<{ code: string; body: RoutingProposal }>): ProposalLookup => {
  const byCode = new Map([...entries].map((e) => [e.code, e.body]));
  return (code) => byCode.get(code);
};

export interface Address {
  category?: string | null | undefined;
  districtCode?: string | null | undefined;
  streetCode?: string | null | undefined;
}

/** The proposals that speak for an address, most specific first: street, district, city-wide. */
export function proposalsFor(
  lookup: ProposalLookup,
  address: Address,
): { level: 'street' | 'district' | 'city'; code: string; proposal: RoutingProposal }[] {
  const { category, districtCode, streetCode } = address;
  if (!category) return [];
  const levels = [
    ['street', streetCode ? proposalCode(category, districtCode ?? null, streetCode) : null],
    ['district', districtCode ? proposalCode(category, districtCode) : null],
    ['city', proposalCode(category, null)],
  ] as const;
  return levels.flatMap(([level, code]) => {
    const proposal = code ? lookup(code) : undefined;
    return proposal ? [{ level, code: code!, proposal }] : [];
  });
}

export interface LeadPrediction {
  target: RouteTarget;
  /** The concrete unit for this address, or null when the target needs a district or street it lacks. */
  unitCode: string | null;
  level: 'street' | 'district' | 'city';
  code: string;
  share: number;
  tickets: number;
}

/** The lead unit history proposes for a new ticket: street proposal, else district, else city-wide majority, else none. */
export function predictLead(lookup: ProposalLookup, address: Address): LeadPrediction | null {
  const [best] = proposalsFor(lookup, address);
  const top = best?.proposal.units[0];
  if (!best || !top) return null;
  const resolved = resolveRoute(top.unitCode, {
    districtCode: address.districtCode ?? undefined,
    streetCode: address.streetCode ?? undefined,
  });
  return {
    target: top.unitCode,
    unitCode: resolved.ok ? resolved.unitCode : null,
    level: best.level,
    code: best.code,
    share: top.share,
    tickets: best.proposal.tickets,
  };
}
