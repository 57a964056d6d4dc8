import { describe, expect, it } from 'vitest';
import { chooseRouting, type RuleEntry } from './routing-choice';
import { type ProposalEntry, proposalLookup } from './routing-learning';

const cat = 'heating.temperature';
const address = { category: cat, districtCode: '110105', streetCode: '110105017' };
const rule = (districtCode: string | null, target: string, streetCode?: string): RuleEntry => ({
  code: `${cat}@${streetCode ?? districtCode ?? '*'}`,
  body: { category: cat, districtCode, target, ...(streetCode ? { streetCode } : {}) },
});
const proposal = (where: string | null, unitCode: string, share: number, tickets: number): ProposalEntry => ({
  kind: 'routingProposal',
  code: `${cat}@${where ?? '*'}`,
  body: {
    category: cat,
    districtCode: where ? where.slice(0, 6) : null,
    ...(where && where.length === 9 ? { streetCode: where } : {}),
    units: [{ unitCode, share, tickets: Math.round(share * tickets) }],
    tickets,
  },
});
const none = proposalLookup([]);

describe('chooseRouting', () => {
  it('takes a street rule over a district rule over the city-wide one', () => {
    const rules = [rule(null, 'street'), rule('110105', 'district'), rule('110105', 'company:heating', '110105017')];
    expect(chooseRouting(address, rules, none)).toMatchObject({ source: 'rule', level: 'street', target: 'company:heating' });
    expect(chooseRouting({ ...address, streetCode: '110105001' }, rules, none)).toMatchObject({ source: 'rule', level: 'district' });
    expect(chooseRouting({ ...address, districtCode: '110108', streetCode: null }, rules, none)).toMatchObject({
      source: 'rule',
      level: 'city',
      code: `${cat}@*`,
    });
  });

  it('lets a clear district or street proposal beat only the city-wide rule', () => {
    const history = proposalLookup([proposal('110105', 'company:heating', 0.97, 400)]);
    expect(chooseRouting(address, [rule(null, 'street')], history)).toEqual({
      source: 'history',
      target: 'company:heating',
      also: [],
      code: `${cat}@110105`,
      level: 'district',
      share: 0.97,
      tickets: 400,
    });
    expect(chooseRouting(address, [rule(null, 'street'), rule('110105', 'district')], history)).toMatchObject({
      source: 'rule',
      target: 'district',
    });
  });

  it('keeps the written rule when history is split, thin, or says the same', () => {
    const cityRule = [rule(null, 'street')];
    for (const [share, tickets] of [
      [0.59, 400],
      [1, 9],
    ] as const)
      expect(chooseRouting(address, cityRule, proposalLookup([proposal('110105', 'company:heating', share, tickets)]))).toMatchObject({
        source: 'rule',
        target: 'street',
      });
    expect(chooseRouting(address, cityRule, proposalLookup([proposal('110105', 'street', 1, 400)]))).toMatchObject({ source: 'rule' });
  });

  it('falls back to a clear street proposal when the district’s is split, and to the city-wide one with no rule at all', () => {
    const history = proposalLookup([
      proposal('110105017', 'company:heating', 0.9, 30),
      proposal('110105', 'district', 0.5, 300),
      proposal(null, 'street', 0.8, 2000),
    ]);
    expect(chooseRouting(address, [], history)).toMatchObject({ source: 'history', level: 'street', target: 'company:heating' });
    expect(chooseRouting({ ...address, streetCode: '110105001' }, [], history)).toMatchObject({
      source: 'history',
      level: 'city',
      target: 'street',
    });
    expect(chooseRouting({ ...address, category: 'noise.night' }, [], history)).toEqual({ source: 'none' });
  });
});
