import { describe, expect, it } from 'vitest';
import type { HeatCell } from '../../../../shared/server-api/monitor';
import { fitLabel, labelWidth } from './ChartPanel';
import { heatMatrix } from './heat-matrix';

const cell = (category: string, districtCode: string, count: number, spike = false): HeatCell => ({
  category,
  districtCode,
  count,
  baseline: 1,
  spike,
  ticketIds: [],
});

describe('heat matrix', () => {
  it('orders categories and districts by their tickets and keeps only the busiest categories', () => {
    const heat = [
      cell('noise', '110105', 3),
      cell('water', '110105', 1),
      cell('water', '110108', 9, true),
      cell('roads', '110101', 2),
      cell('noise', '110101', 1),
      cell('parks', '110112', 1),
    ];
    const matrix = heatMatrix(heat, 3);
    // water 10, noise 4, roads 2, parks 1 (left out).
    expect(matrix.categories).toEqual(['water', 'noise', 'roads']);
    expect(matrix.hiddenCategories).toBe(1);
    // Over the rows shown: 110108 9, 110105 4, 110101 3; parks' district is not a column.
    expect(matrix.districts).toEqual(['110108', '110105', '110101']);
    expect(matrix.cells).toContainEqual({ category: 'water', districtCode: '110108', count: 9, spike: true });
    expect(matrix.cells).toHaveLength(5);
  });

  it('is empty for no clusters', () => {
    expect(heatMatrix([], 8)).toEqual({ categories: [], districts: [], cells: [], hiddenCategories: 0 });
  });
});

describe('chart labels', () => {
  it('keeps a label that fits and cuts a longer one to the width with an ellipsis', () => {
    expect(labelWidth('朝阳区', 20)).toBe(60);
    expect(fitLabel('朝阳区', 60, 20)).toBe('朝阳区');
    expect(fitLabel('门头沟区', 60, 20)).toBe('门头…');
    const cut = fitLabel('Mentougou District', 100, 20);
    expect(cut).toBe('Mentoug…');
    expect(labelWidth(cut, 20)).toBeLessThanOrEqual(100);
  });
});
