import { useState } from 'react';
import type { RateRow } from '../../../shared/server-api/monitor';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';

export const periods = { today: 0, week: 7, month: 30 } as const;
export type Period = keyof typeof periods;
export const periodNames = ['today', 'week', 'month'] as const satisfies readonly Period[];
export type RateBy = 'unit' | 'district';

export interface Rates {
  period: Period;
  setPeriod(period: Period): void;
  by: RateBy;
  setBy(by: RateBy): void;
  /** Null until the lead asks for them. */
  rows: RateRow[] | null;
  show(): void;
  exportCsv(): Promise<void>;
}

/** The rates of the chosen period (from local midnight that many days ago until now), by unit or district, and their CSV. */
export function useRates(): Rates {
  const { api } = useWorkstation();
  const call = useCall();
  const [period, setPeriod] = useState<Period>('week');
  const [by, setBy] = useState<RateBy>('unit');
  const [rows, setRows] = useState<RateRow[] | null>(null);
  const range = () => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    start.setDate(start.getDate() - periods[period]);
    return { from: start.toISOString(), to: new Date(Date.now() + 60_000).toISOString(), by };
  };
  const show = () => {
    const input = range();
    void call(() => api.monitor.rates(input), { failure: 'loadRates' }).then((r) => setRows(r?.rows ?? []));
  };
  const exportCsv = async () => {
    const input = range();
    const file = await call(() => api.monitor.ratesCsv(input), { failure: 'exportRates' });
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
    const anchor = Object.assign(document.createElement('a'), { href: url, download: file.filename });
    anchor.click();
    URL.revokeObjectURL(url);
  };
  return { period, setPeriod, by, setBy, rows, show, exportCsv };
}
