import { describe, expect, it } from 'vitest';
import { type HandledTicket, learnRoutingProposals, predictLead, proposalLookup, targetOf } from './routing-learning';

const chaoyang = '110105';
const street = (n: number) => `${chaoyang}${String(n).padStart(3, '0')}`;
const handled = (category: string, streetNo: number | null, lead: string, district = chaoyang): HandledTicket => ({
  category,
  districtCode: district,
  streetCode: streetNo === null ? null : street(streetNo),
  leadUnitCode: lead,
});
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('targetOf', () => {
  it('names the office of the address generically, and any other unit by its code', () => {
    expect(targetOf(handled('x', 17, `street:${street(17)}`))).toBe('street');
    expect(targetOf(handled('x', 17, `district:${chaoyang}`))).toBe('district');
    // Another street's office is a fixed unit for this address.
    expect(targetOf(handled('x', 17, `street:${street(18)}`))).toBe(`street:${street(18)}`);
    expect(targetOf(handled('x', 17, 'company:heating'))).toBe('company:heating');
  });
});

describe('learnRoutingProposals', () => {
  it('counts each unit’s share per category city-wide and per district, generalising street offices across streets', () => {
    const tickets = [
      ...times(9, (i) => handled('road.pothole', i + 1, `street:${street(i + 1)}`)),
      handled('road.pothole', 3, 'company:roads'),
      ...times(4, () => handled('heating.temperature', 5, 'company:heating', '110108')),
    ];
    const byCode = new Map(learnRoutingProposals(tickets).map((e) => [e.code, e.body]));
    expect(byCode.get(`road.pothole@${chaoyang}`)).toEqual({
      category: 'road.pothole',
      districtCode: chaoyang,
      units: [
        { unitCode: 'street', tickets: 9, share: 0.9 },
        { unitCode: 'company:roads', tickets: 1, share: 0.1 },
      ],
      tickets: 10,
    });
    expect(byCode.get('road.pothole@*')?.districtCode).toBeNull();
    expect(byCode.get('heating.temperature@110108')?.units).toEqual([{ unitCode: 'company:heating', tickets: 4, share: 1 }]);
    // No street had 20 tickets of a category.
    expect([...byCode.keys()].filter((c) => c.split('@')[1]!.length === 9)).toEqual([]);
  });

  it('gives a street its own proposal from 20 tickets on', () => {
    const tickets = [
      ...times(20, () => handled('water.outage', 7, 'company:water')),
      ...times(30, (i) => handled('water.outage', 8 + (i % 5), `district:${chaoyang}`)),
    ];
    const byCode = new Map(learnRoutingProposals(tickets).map((e) => [e.code, e.body]));
    expect(byCode.get(`water.outage@${street(7)}`)).toMatchObject({
      streetCode: street(7),
      tickets: 20,
      units: [{ unitCode: 'company:water', share: 1 }],
    });
    expect(byCode.has(`water.outage@${street(8)}`)).toBe(false);
    expect(byCode.get(`water.outage@${chaoyang}`)?.units[0]).toEqual({ unitCode: 'district', tickets: 30, share: 0.6 });
  });

  it('does not depend on the order of the tickets, ties included', () => {
    const tickets = [handled('a', 1, 'unit:b'), handled('a', 1, 'unit:a'), handled('a', 2, 'unit:c'), handled('a', 2, 'unit:a')];
    expect(learnRoutingProposals([...tickets].reverse())).toEqual(learnRoutingProposals(tickets));
    expect(learnRoutingProposals(tickets)[0]!.body.units.map((u) => u.unitCode)).toEqual(['unit:a', 'unit:b', 'unit:c']);
  });
});

describe('predictLead', () => {
  const tickets = [
    ...times(20, () => handled('water.outage', 7, 'company:water')),
    ...times(12, (i) => handled('water.outage', 8 + (i % 3), `street:${street(8 + (i % 3))}`)),
    ...times(3, () => handled('water.outage', 1, 'company:water', '110108')),
  ];
  const lookup = proposalLookup(learnRoutingProposals(tickets));

  it('prefers the street’s proposal, then the district’s, then the city-wide majority', () => {
    expect(predictLead(lookup, { category: 'water.outage', districtCode: chaoyang, streetCode: street(7) })).toMatchObject({
      level: 'street',
      unitCode: 'company:water',
    });
    // District majority 20 of 32 to the water company; the street office of this address otherwise.
    expect(predictLead(lookup, { category: 'water.outage', districtCode: chaoyang, streetCode: street(9) })).toMatchObject({
      level: 'district',
      target: 'company:water',
      share: 20 / 32,
    });
    expect(predictLead(lookup, { category: 'water.outage', districtCode: '110101', streetCode: '110101001' })).toMatchObject({
      level: 'city',
      unitCode: 'company:water',
      tickets: 35,
    });
  });

  it('resolves a generic target for the new ticket’s own address', () => {
    const streets = proposalLookup(learnRoutingProposals(times(10, (i) => handled('road.pothole', i, `street:${street(i)}`))));
    expect(predictLead(streets, { category: 'road.pothole', districtCode: '110101', streetCode: '110101002' })).toMatchObject({
      target: 'street',
      unitCode: 'street:110101002',
    });
  });

  it('proposes nothing for a category history never saw, or a ticket without one', () => {
    expect(predictLead(lookup, { category: 'noise.night', districtCode: chaoyang })).toBeNull();
    expect(predictLead(lookup, { districtCode: chaoyang })).toBeNull();
  });
});
