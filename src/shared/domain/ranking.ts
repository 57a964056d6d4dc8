import { type RankedRow, type RateRow, type RecurringProblem, rateNames } from '../server-api/monitor';
import { csvText, rateCsvCells, rateCsvColumns } from './rate-rows';

/**
 * The monthly ranking (考核): each unit's or district's score is the plain mean of its five rates
 * that have something to judge (a unit never has on-time dispatch, so its score is the mean of
 * four). Best score first; equal scores share a rank (1, 2, 2, 4); rows with no score come last,
 * unranked. Ties keep the order of the code, so the ranking reads the same every time.
 */
export function rankRows(rows: readonly RateRow[]): RankedRow[] {
  const scored = rows.map((row) => {
    const rates = rateNames.map((n) => row[n].rate).filter((r): r is number => r !== null);
    return { ...row, score: rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length, rank: null };
  });
  const order = [...scored].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return order.map((row): RankedRow => {
    if (row.score === null) return row;
    // Means of different rates that are equal on paper may differ in the last bit of a float.
    return { ...row, rank: order.findIndex((r) => r.score !== null && Math.abs(r.score - row.score!) < 1e-9) + 1 };
  });
}

/** What makes a category on one street a recurring problem in a month. */
export const recurrence = { minWeeks: 3, minTickets: 10 } as const;

const week = 7 * 24 * 60 * 60_000;

/**
 * Category × street clusters that kept coming back in the month starting at `monthStart`: tickets of
 * the same category on the same street in at least `minWeeks` of the month's weeks (days 1–7, 8–14,
 * 15–21, 22–28, 29–31), or at least `minTickets` of them. Most weeks first, then most tickets.
 */
export function recurringProblems(
  tickets: readonly { category: string; streetCode: string; districtCode: string | null; createdAt: string }[],
  monthStart: string,
  limits: { minWeeks: number; minTickets: number } = recurrence,
): RecurringProblem[] {
  const start = Date.parse(monthStart);
  const clusters = new Map<
    string,
    { category: string; streetCode: string; districtCode: string | null; tickets: number; weeks: Set<number> }
  >();
  for (const t of tickets) {
    const key = `${t.category}\u0000${t.streetCode}`;
    const cluster = clusters.get(key) ?? clusters.set(key, { ...t, tickets: 0, weeks: new Set() }).get(key)!;
    cluster.tickets += 1;
    cluster.weeks.add(Math.floor((Date.parse(t.createdAt) - start) / week));
  }
  return [...clusters.values()]
    .map(({ category, streetCode, districtCode, tickets, weeks }) => ({ category, streetCode, districtCode, tickets, weeks: weeks.size }))
    .filter((c) => c.weeks >= limits.minWeeks || c.tickets >= limits.minTickets)
    .sort(
      (a, b) =>
        b.weeks - a.weeks || b.tickets - a.tickets || a.category.localeCompare(b.category) || a.streetCode.localeCompare(b.streetCode),
    );
}

/** The ranking as one CSV: units then districts, each with its rank, score and rates. */
export function rankingCsv(
  units: readonly RankedRow[],
  districts: readonly RankedRow[],
  names: (level: 'unit' | 'district', key: string) => string,
): string {
  const pct = (score: number | null) => (score === null ? '' : (score * 100).toFixed(1));
  const lines = (level: 'unit' | 'district', rows: readonly RankedRow[]) =>
    rows.map((r) => [level, r.rank ?? '', r.key, names(level, r.key), pct(r.score), ...rateCsvCells(r)]);
  return csvText(
    ['level', 'rank', 'code', 'name', 'score_pct', ...rateCsvColumns],
    [...lines('unit', units), ...lines('district', districts)],
  );
}
