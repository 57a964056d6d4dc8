/** The bands a lead reads open work by: how long each running clock has left. */
export const deadlineBands = ['overdue', 'underHour', 'oneToFour', 'fourToDay', 'overDay'] as const;
export type DeadlineBand = (typeof deadlineBands)[number];

const hour = 3_600_000;
/** Upper bounds (exclusive) of time left for each band after `overdue`; past the last one is `overDay`. */
const bounds: readonly [DeadlineBand, number][] = [
  ['underHour', hour],
  ['oneToFour', 4 * hour],
  ['fourToDay', 24 * hour],
];

/** The band of a clock with `msLeft` to go: negative is overdue, exactly 1 h left is already 1–4 h. */
export function deadlineBand(msLeft: number): DeadlineBand {
  if (msLeft < 0) return 'overdue';
  for (const [band, below] of bounds) if (msLeft < below) return band;
  return 'overDay';
}

export interface DeadlineBandCounts {
  bands: Record<DeadlineBand, number>;
  /** Open tickets with no running clock (awaiting callback, or no policy yet): counted apart, never in a band. */
  noClock: number;
}

/** Open tickets counted by the band of their deadline at `now`. */
export function countDeadlineBands(tickets: Iterable<{ dueAt: string | null }>, now: Date): DeadlineBandCounts {
  const bands = Object.fromEntries(deadlineBands.map((band) => [band, 0])) as Record<DeadlineBand, number>;
  let noClock = 0;
  const at = now.getTime();
  for (const { dueAt } of tickets) {
    if (!dueAt) noClock++;
    else bands[deadlineBand(Date.parse(dueAt) - at)]++;
  }
  return { bands, noClock };
}
