import { describe, expect, it } from 'vitest';
import { chooseRoute, type RoutingProposalItem, type RoutingRuleItem } from './routing-choice';

const rule = (code: string, body: Partial<RoutingRuleItem['body']>): RoutingRuleItem => ({
  code,
  body: { category: 'heating.temperature', districtCode: null, target: 'street', ...body },
});
const city = rule('heating.temperature@*', { target: 'company:heating' });
const district = rule('heating.temperature@110105', { districtCode: '110105', target: 'district', also: ['company:heating'] });
const street = rule('heating.temperature@110105017', { districtCode: '110105', streetCode: '110105017', target: 'street' });
const proposal: RoutingProposalItem = {
  code: 'heating.temperature@110108',
  body: {
    category: 'heating.temperature',
    districtCode: '110108',
    units: [
      { unitCode: 'street:110108001', share: 0.3, tickets: 3 },
      { unitCode: 'company:heating', share: 0.7, tickets: 7 },
    ],
    tickets: 10,
  },
};
const jinsong = { category: 'heating.temperature', districtCode: '110105', streetCode: '110105017' };

describe('chooseRoute', () => {
  it('takes the street rule over the district rule over the city-wide one', () => {
    expect(chooseRoute(jinsong, [city, district, street], [])).toEqual({
      leadUnitCode: 'street:110105017',
      unitCodes: ['street:110105017'],
      source: 'rule',
      ruleCode: street.code,
      share: null,
    });
    expect(chooseRoute(jinsong, [city, district], [])).toMatchObject({
      leadUnitCode: 'district:110105',
      unitCodes: ['district:110105', 'company:heating'],
      ruleCode: district.code,
    });
    expect(chooseRoute(jinsong, [city], [])).toMatchObject({ leadUnitCode: 'company:heating', ruleCode: city.code, source: 'rule' });
  });

  it("proposes history's largest share where no rule is written for the district, before the city-wide rule", () => {
    const haidian = { category: 'heating.temperature', districtCode: '110108' };
    expect(chooseRoute(haidian, [city], [proposal])).toEqual({
      leadUnitCode: 'company:heating',
      unitCodes: ['company:heating'],
      source: 'history',
      ruleCode: null,
      share: 0.7,
    });
    expect(chooseRoute(haidian, [city], [proposal], (u) => u !== 'company:heating')).toMatchObject({
      leadUnitCode: 'street:110108001',
      share: 0.3,
    });
    const written = rule('heating.temperature@110108', { districtCode: '110108', target: 'district' });
    expect(chooseRoute(haidian, [city, written], [proposal])).toMatchObject({ source: 'rule', ruleCode: written.code });
  });

  it('says nobody when nothing is written or learned, and no lead when the address cannot name one', () => {
    expect(chooseRoute({ category: 'other' }, [city], [proposal])).toEqual({
      leadUnitCode: null,
      unitCodes: [],
      source: 'none',
      ruleCode: null,
      share: null,
    });
    expect(chooseRoute({ category: 'heating.temperature' }, [rule('x@*', { target: 'street' })], [])).toMatchObject({
      leadUnitCode: null,
      source: 'rule',
    });
  });
});
