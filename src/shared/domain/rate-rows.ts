import { type Rate, type RateName, type RateRow, rateNames } from '../server-api/monitor';
import type { Judgement } from './rates';

export type RateGrouping = 'unit' | 'district';

type Tally = Record<RateName, { met: number; of: number }>;
const emptyTally = (): Tally => Object.fromEntries(rateNames.map((n) => [n, { met: 0, of: 0 }])) as Tally;

/** met ÷ of, or null with nothing judged. */
export const rateOf = (met: number, of: number): Rate => ({ met, of, rate: of === 0 ? null : met / of });

const toRow = (key: string, tally: Tally): RateRow => ({
  key,
  ...(Object.fromEntries(rateNames.map((n) => [n, rateOf(tally[n].met, tally[n].of)])) as Record<RateName, Rate>),
});

/**
 * The judged items decided in [from, to), per unit or per district, and the centre's total. A unit's
 * row holds only its own items (the hotline's on-time dispatch is never a unit's); rows sorted by key.
 */
export function rateRows(
  judgements: readonly Judgement[],
  by: RateGrouping,
  from: number,
  to: number,
): { rows: RateRow[]; total: RateRow } {
  const groups = new Map<string, Tally>();
  const total = emptyTally();
  for (const j of judgements) {
    if (j.at < from || j.at >= to) continue;
    const key = by === 'unit' ? j.unit : j.district;
    const tallies = key === null ? [total] : [total, groups.get(key) ?? groups.set(key, emptyTally()).get(key)!];
    for (const tally of tallies) {
      tally[j.rate].of += 1;
      if (j.met) tally[j.rate].met += 1;
    }
  }
  const rows = [...groups.entries()].map(([key, tally]) => toRow(key, tally)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows, total: toRow('total', total) };
}

const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));

const quote = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The CSV columns of the rates: for each, met, judged and the rate in percent (empty when undefined). */
export const rateCsvColumns = rateNames.flatMap((n) => [`${n}_met`, `${n}_of`, `${n}_pct`]);
export const rateCsvCells = (row: RateRow): (string | number)[] => rateNames.flatMap((n) => [row[n].met, row[n].of, percent(row[n].rate)]);

/** RFC 4180, with a BOM so spreadsheet programs read the Chinese names as UTF-8. */
export function csvText(header: readonly string[], lines: readonly (readonly (string | number)[])[]): string {
  return `\ufeff${[header, ...lines].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The rates table as CSV, the centre's total last. */
export function ratesCsv(rows: readonly RateRow[], total: RateRow, names: (key: string) => string): string {
  return csvText(
    ['code', 'name', ...rateCsvColumns],
    [...rows, total].map((r) => [r.key, r === total ? '合计 total' : names(r.key), ...rateCsvCells(r)]),
  );
}
