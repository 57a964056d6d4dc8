import type { DatedHandledTicket, MethodScore, RoutingEvaluation } from '../../shared/domain/routing-evaluation';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const rate = (s: MethodScore) => (s.total > 0 ? s.right / s.total : 0);
const line = (how: string, s: MethodScore) =>
  `${how}: ${s.right.toLocaleString()} of ${s.total.toLocaleString()} lead units right (${percent(rate(s))})`;

/** What `npm run train` prints about routing; the last line is the learned proposals' accuracy alone. */
export function routingReportLines(evaluation: RoutingEvaluation): string[] {
  if (evaluation.heldOut === 0) return ['routing: no handled tickets to score (none has a lead unit yet)'];
  return [
    `Routing learned from the older ${evaluation.trained.toLocaleString()} handled tickets, scored on the newest ${evaluation.heldOut.toLocaleString()}:`,
    line('  written rules alone', evaluation.rules),
    line('  learned from history', evaluation.learned),
    line('  rules and history as workstations choose', evaluation.combined),
    `routing ${percent(rate(evaluation.learned))}`,
  ];
}

/**
 * Handled tickets from the rows of a history CSV (the import's columns): rows with a unit only.
 * Without a `created` column the file's order is taken as time order.
 */
export function handledFromCsv(rows: readonly Record<string, string | undefined>[]): DatedHandledTicket[] {
  return rows.flatMap((r, i) => {
    const unit = r.unit?.trim();
    const category = r.category?.trim();
    if (!unit || !category) return [];
    const street = r.street?.trim() || null;
    const district = r.district?.trim() || street?.slice(0, 6) || null;
    const created = r.created?.trim() ? new Date(r.created.trim()) : null;
    const createdAt = created && !Number.isNaN(created.getTime()) ? created.toISOString() : new Date(i).toISOString();
    return [{ category, districtCode: district, streetCode: street, leadUnitCode: unit, createdAt }];
  });
}
