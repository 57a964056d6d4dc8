import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import { computeRates, type RateEvent, ratesCsv } from './rates';

const heat = 'company:heating';
const street = 'street:110105017';

describe('the three rates', () => {
  const events: RateEvent[] = [
    { type: 'dispatched', units: [heat, street], districtCode: '110105' },
    { type: 'dispatched', units: [heat], districtCode: '110105' },
    { type: 'dispatched', units: [heat], districtCode: '110108' },
    { type: 'dispatched', units: [heat], districtCode: '110108' },
    { type: 'unit_accepted', units: [heat], districtCode: '110105' },
    { type: 'unit_accepted', units: [heat], districtCode: '110105' },
    { type: 'unit_accepted', units: [heat], districtCode: '110108' },
    { type: 'unit_feedback', units: [heat], districtCode: '110105' },
    { type: 'unit_feedback', units: [heat], districtCode: '110108' },
    { type: 'closed', units: [heat], districtCode: '110105', resolution: 'resolved' },
    { type: 'closed', units: [heat], districtCode: '110108', resolution: 'withdrawn' },
    { type: 'callback_recorded', units: [heat], districtCode: '110105', satisfaction: 'satisfied' },
    { type: 'callback_recorded', units: [heat], districtCode: '110108', satisfaction: 'basically_satisfied' },
    { type: 'callback_recorded', units: [heat], districtCode: '110108', satisfaction: 'unsatisfied' },
  ];

  it('per unit: accepted ÷ dispatched, resolved ÷ reported back, (basically) satisfied ÷ callbacks', () => {
    const rows = computeRates(events, 'unit');
    expect(rows.find((r) => r.key === heat)).toEqual({
      key: heat,
      dispatched: 4,
      accepted: 3,
      reportedBack: 2,
      resolved: 1,
      callbacks: 3,
      satisfied: 2,
      responseRate: 0.75,
      resolutionRate: 0.5,
      satisfactionRate: 2 / 3,
    });
    // The second unit of a joint dispatch counts the dispatch; with nothing else it has no other rate.
    expect(rows.find((r) => r.key === street)).toMatchObject({
      dispatched: 1,
      responseRate: 0,
      resolutionRate: null,
      satisfactionRate: null,
    });
  });

  it('per district', () => {
    const rows = computeRates(events, 'district');
    expect(rows.map((r) => [r.key, r.responseRate, r.resolutionRate, r.satisfactionRate])).toEqual([
      ['110105', 1, 1, 1],
      ['110108', 0.5, 0, 0.5],
    ]);
  });

  it('exports CSV a spreadsheet reads: BOM, names quoted where needed, rates in percent, empty where undefined', () => {
    const csv = ratesCsv(computeRates(events, 'unit'), (key) => (key === heat ? '北京市热力集团, "供热"' : '劲松街道'));
    expect(csv.startsWith('\ufeffcode,name,')).toBe(true);
    const { rows } = parseCsv(csv.slice(1));
    expect(rows[0]).toMatchObject({ code: heat, name: '北京市热力集团, "供热"', response_rate_pct: '75.0', satisfaction_rate_pct: '66.7' });
    expect(rows[1]).toMatchObject({ code: street, resolution_rate_pct: '' });
  });
});
