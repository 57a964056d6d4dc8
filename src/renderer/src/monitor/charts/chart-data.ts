import { addTallies, emptyTally, figuresOf } from '../../../../shared/domain/call-figures';
import type { CallFiguresResponse, CallTally } from '../../../../shared/server-api/call-figures';
import type { MonitorState } from '../monitor-state';

export interface IntakePoint {
  hour: string;
  calls: number;
  callsUsual: number;
  tickets: number;
  ticketsUsual: number;
}

const hourLabel = (hour: number) => String(hour).padStart(2, '0');
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Calls and tickets in each hour of today beside the usual for this weekday, one point an hour. */
export function intakePoints(calls: CallFiguresResponse | null, tickets: MonitorState['intakeByHour']): IntakePoint[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const c = calls?.byHour[hour];
    const t = tickets.find((h) => h.hour === hour);
    return {
      hour: hourLabel(hour),
      calls: c?.offered ?? 0,
      callsUsual: oneDecimal(c?.usual ?? 0),
      tickets: t?.today ?? 0,
      ticketsUsual: oneDecimal(t?.baseline ?? 0),
    };
  });
}

export interface LevelPoint {
  hour: string;
  /** Percent, in the hour; null where nothing was decided. */
  serviceLevel: number | null;
  abandonRate: number | null;
  /** Percent, from midnight to the end of this hour; null after the last hour with calls. */
  dayServiceLevel: number | null;
}

const percent = (share: number | null) => (share === null ? null : oneDecimal(share * 100));

/** Service level and abandonment hour by hour through the day, and the day's service level so far. */
export function levelPoints(calls: CallFiguresResponse): LevelPoint[] {
  const last = calls.byHour.reduce((latest, h) => (h.offered > 0 ? h.hour : latest), -1);
  let sum: CallTally = emptyTally();
  return calls.byHour.map((h) => {
    sum = addTallies(sum, h);
    return {
      hour: hourLabel(h.hour),
      serviceLevel: percent(h.serviceLevel),
      abandonRate: percent(h.abandonRate),
      dayServiceLevel: h.hour <= last ? percent(figuresOf(sum).serviceLevel) : null,
    };
  });
}
