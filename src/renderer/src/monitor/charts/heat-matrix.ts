import type { HeatCell } from '../../../../shared/server-api/monitor';

export interface HeatMatrix {
  /** Category codes, most tickets first: the rows. */
  categories: string[];
  /** District codes, most tickets first: the columns. */
  districts: string[];
  cells: { category: string; districtCode: string; count: number; spike: boolean }[];
  /** Categories left out to keep the rows readable. */
  hiddenCategories: number;
}

const totals = (cells: readonly HeatCell[], key: (cell: HeatCell) => string) => {
  const sums = new Map<string, number>();
  for (const cell of cells) sums.set(key(cell), (sums.get(key(cell)) ?? 0) + cell.count);
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
};

/**
 * The hot-spot clusters as a category × district grid: the `maxCategories` categories with the
 * most tickets as rows, every district they occur in as columns, each side busiest first.
 */
export function heatMatrix(heat: readonly HeatCell[], maxCategories: number): HeatMatrix {
  const ranked = totals(heat, (c) => c.category);
  const categories = ranked.slice(0, maxCategories);
  const shown = new Set(categories);
  const cells = heat.filter((c) => shown.has(c.category) && c.count > 0);
  return {
    categories,
    districts: totals(cells, (c) => c.districtCode),
    cells: cells.map(({ category, districtCode, count, spike }) => ({ category, districtCode, count, spike })),
    hiddenCategories: ranked.length - categories.length,
  };
}
