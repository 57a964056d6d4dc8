import type { RateRow } from '../server-api/monitor';

/**
 * The three rates a hotline is judged by, per unit or per district, over the events of a period
 * (the definitions the monitor shows beside them):
 *   response rate     = dispatches the unit accepted ÷ dispatches to it
 *   resolution rate   = tickets closed as resolved ÷ unit reports back (feedback)
 *   satisfaction rate = callbacks satisfied or basically satisfied ÷ callbacks recorded
 * A rate with nothing to divide by is null ("—"), never 0 % or 100 %.
 */
export interface RateEvent {
  type: 'dispatched' | 'unit_accepted' | 'unit_feedback' | 'closed' | 'callback_recorded';
  /** The units the event concerns: every unit dispatched to, the unit acting, or the ticket's lead unit. */
  units: readonly string[];
  districtCode: string | null;
  resolution?: string;
  satisfaction?: string;
}

type Counts = Omit<RateRow, 'key' | 'responseRate' | 'resolutionRate' | 'satisfactionRate'>;
const empty = (): Counts => ({ dispatched: 0, accepted: 0, reportedBack: 0, resolved: 0, callbacks: 0, satisfied: 0 });
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function computeRates(events: readonly RateEvent[], by: 'unit' | 'district'): RateRow[] {
  const groups = new Map<string, Counts>();
  for (const event of events) {
    const keys = by === 'unit' ? event.units : [event.districtCode ?? 'unknown'];
    for (const key of keys) {
      const counts = groups.get(key) ?? empty();
      groups.set(key, counts);
      switch (event.type) {
        case 'dispatched':
          counts.dispatched += 1;
          break;
        case 'unit_accepted':
          counts.accepted += 1;
          break;
        case 'unit_feedback':
          counts.reportedBack += 1;
          break;
        case 'closed':
          if (event.resolution === 'resolved') counts.resolved += 1;
          break;
        case 'callback_recorded':
          counts.callbacks += 1;
          if (event.satisfaction === 'satisfied' || event.satisfaction === 'basically_satisfied') counts.satisfied += 1;
          break;
      }
    }
  }
  return [...groups.entries()]
    .map(([key, c]) => ({
      key,
      ...c,
      responseRate: ratio(c.accepted, c.dispatched),
      resolutionRate: ratio(c.resolved, c.reportedBack),
      satisfactionRate: ratio(c.satisfied, c.callbacks),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));

/** RFC 4180, with a BOM so spreadsheet programs read the Chinese names as UTF-8. */
export function ratesCsv(rows: readonly RateRow[], names: (key: string) => string): string {
  const header = [
    'code',
    'name',
    'dispatched',
    'accepted',
    'response_rate_pct',
    'reported_back',
    'resolved',
    'resolution_rate_pct',
    'callbacks',
    'satisfied',
    'satisfaction_rate_pct',
  ];
  const quote = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.map((r) =>
    [
      r.key,
      names(r.key),
      r.dispatched,
      r.accepted,
      percent(r.responseRate),
      r.reportedBack,
      r.resolved,
      percent(r.resolutionRate),
      r.callbacks,
      r.satisfied,
      percent(r.satisfactionRate),
    ]
      .map(quote)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
