import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import { rankingCsv, rankRows, recurringProblems } from './ranking';
import { rateOf } from './rate-rows';

const row = (key: string, response: [number, number], satisfaction: [number, number]) => ({
  key,
  response: rateOf(...response),
  onTimeFeedback: rateOf(0, 0),
  resolution: rateOf(0, 0),
  satisfaction: rateOf(...satisfaction),
  onTimeDispatch: rateOf(0, 0),
});

describe('the monthly ranking', () => {
  it('ranks by the mean of the rates each row has, equal scores sharing a rank, rows with nothing judged last', () => {
    const ranked = rankRows([
      row('street:d', [0, 0], [0, 0]),
      row('street:c', [1, 2], [1, 1]), // (0.5 + 1) / 2 = 0.75
      row('street:b', [3, 4], [0, 0]), // 0.75 alone
      row('street:a', [9, 10], [8, 10]), // (0.9 + 0.8) / 2 = 0.85
    ]);
    expect(ranked.map((r) => [r.key, r.rank, r.score && Number(r.score.toFixed(9))])).toEqual([
      ['street:a', 1, 0.85],
      ['street:b', 2, 0.75],
      ['street:c', 2, 0.75],
      ['street:d', null, null],
    ]);
    const csv = rankingCsv(ranked, [], (_level, key) => `名称 ${key}`);
    expect(csv.startsWith('\ufefflevel,rank,code,name,score_pct,')).toBe(true);
    expect(parseCsv(csv).rows.map((r) => [r.rank, r.code, r.name, r.score_pct, r.response_pct])).toEqual([
      ['1', 'street:a', '名称 street:a', '85.0', '90.0'],
      ['2', 'street:b', '名称 street:b', '75.0', '75.0'],
      ['2', 'street:c', '名称 street:c', '75.0', '50.0'],
      ['', 'street:d', '名称 street:d', '', ''],
    ]);
  });

  it('finds a category that came back on one street in three weeks, or ten times, and nothing else', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 3)).toISOString();
    const t = (category: string, streetCode: string, d: number) => ({ category, streetCode, districtCode: '110105', createdAt: day(d) });
    const tickets = [
      // Weeks 1, 2 and 4: recurring.
      t('noise', '110105017', 2),
      t('noise', '110105017', 9),
      t('noise', '110105017', 23),
      // Ten times in one week: recurring.
      ...Array.from({ length: 10 }, () => t('water', '110105001', 5)),
      // Twice in two weeks, and the same category on another street: neither.
      t('noise', '110105001', 1),
      t('noise', '110105001', 30),
      t('water', '110105017', 12),
    ];
    expect(recurringProblems(tickets, new Date(Date.UTC(2026, 10, 1)).toISOString())).toEqual([
      { category: 'noise', streetCode: '110105017', districtCode: '110105', tickets: 3, weeks: 3 },
      { category: 'water', streetCode: '110105001', districtCode: '110105', tickets: 10, weeks: 1 },
    ]);
  });
});
