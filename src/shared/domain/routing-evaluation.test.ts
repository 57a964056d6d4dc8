import { describe, expect, it } from 'vitest';
import { type DatedHandledTicket, evaluateRouting, splitByTime } from './routing-evaluation';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
const ticket = (n: number, streetNo: number, lead: string): DatedHandledTicket => ({
  category: 'heating.temperature',
  districtCode: '110105',
  streetCode: `110105${String(streetNo).padStart(3, '0')}`,
  leadUnitCode: lead,
  createdAt: day(n),
});

describe('splitByTime', () => {
  it('holds out the newest fifth whatever the input order', () => {
    const tickets = Array.from({ length: 10 }, (_, i) => ticket(9 - i, 1, 'x'));
    const { older, newer } = splitByTime(tickets);
    expect(older.map((t) => t.createdAt)).toEqual(Array.from({ length: 8 }, (_, i) => day(i)));
    expect(newer.map((t) => t.createdAt)).toEqual([day(8), day(9)]);
  });
});

describe('evaluateRouting', () => {
  it('scores the learned proposals, the written rules alone and the two together on the newest tickets', () => {
    // The heating company leads most of Chaoyang's heating tickets; the written rule says street office.
    const tickets = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 0
        ? ticket(i, 1 + (i % 7), `street:110105${String(1 + (i % 7)).padStart(3, '0')}`)
        : ticket(i, 1 + (i % 7), 'company:heating'),
    );
    const rules = [{ code: 'heating.temperature@*', body: { category: 'heating.temperature', districtCode: null, target: 'street' } }];
    const result = evaluateRouting(tickets, rules);
    expect(result).toMatchObject({ trained: 40, heldOut: 10 });
    expect(result.learned).toEqual({ right: 9, total: 10 });
    expect(result.rules).toEqual({ right: 1, total: 10 });
    expect(result.combined).toEqual({ right: 9, total: 10 });
  });
});
