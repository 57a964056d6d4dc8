/**
 * A spike in the category × district table: at least 3 tickets in 24 hours and at least three
 * times the usual for those hours (a burst main, a power cut). With a usual of nothing, 3 in a day
 * already stands out.
 */
export const isSpike = (count: number, baseline: number): boolean => count >= 3 && count >= 3 * Math.max(baseline, 1 / 7);
