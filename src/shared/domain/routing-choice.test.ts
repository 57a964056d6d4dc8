import { describe, expect, it } from 'vitest';
import { chooseRoute, chooseRouting, type RuleEntry } from './routing-choice';
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

  it('never proposes a retired unit from history: the next unit counts only if it is clear by itself', () => {
    const split = {
      ...proposal('110105', 'company:heating', 0.7, 100),
    };
    split.body.units.push({ unitCode: 'street', share: 0.3, tickets: 30 });
    const retired = (code: string) => code !== 'company:heating';
    expect(chooseRouting(address, [rule(null, 'district')], proposalLookup([split]), { active: retired })).toMatchObject({
      source: 'rule',
      target: 'district',
    });
    expect(
      chooseRouting(address, [rule(null, 'district')], proposalLookup([split]), { active: (c) => c !== 'street:110105017' }),
    ).toMatchObject({
      source: 'history',
      target: 'company:heating',
    });
  });
});

describe('chooseRoute (the routing preview)', () => {
  it('names the lead unit for the address and the rule’s co-handling units after it', () => {
    const withAlso = {
      ...rule('110105', 'district'),
      body: { ...rule('110105', 'district').body, also: ['company:heating', 'district:110105'] },
    };
    expect(chooseRoute(address, [withAlso], [])).toEqual({
      leadUnitCode: 'district:110105',
      unitCodes: ['district:110105', 'company:heating'],
      source: 'rule',
      ruleCode: `${cat}@110105`,
      share: null,
    });
  });

  it('resolves a history proposal for the street office of the address, found by what it says whatever its code', () => {
    const streets = { ...proposal('110105', 'street', 0.9, 50), code: 'anything' };
    expect(chooseRoute(address, [rule(null, 'company:heating')], [streets])).toEqual({
      leadUnitCode: 'street:110105017',
      unitCodes: ['street:110105017'],
      source: 'history',
      ruleCode: null,
      share: 0.9,
    });
    expect(chooseRoute({ category: 'noise.night' }, [], [streets])).toEqual({
      leadUnitCode: null,
      unitCodes: [],
      source: 'none',
      ruleCode: null,
      share: null,
    });
  });
});
