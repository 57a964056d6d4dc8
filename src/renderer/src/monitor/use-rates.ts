import { useCallback, useState } from 'react';
import type { ratesResponseSchema } from '../../../shared/server-api/monitor';
import type { z } from 'zod';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { useRetriedRead } from './use-retried-read';

export const periodNames = ['today', 'week', 'month', 'custom'] as const;
export type Period = (typeof periodNames)[number];
export type RateBy = 'unit' | 'district';

/** A day as the date input writes it (local calendar). */
const dayText = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const localDay = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

/**
 * The period as two instants, local midnight to local midnight: today; this week from Monday; this
 * month from the 1st; or the chosen days, both included. Null while a custom choice is incomplete.
 */
export function periodRange(period: Period, custom: { from: string; to: string }, now = new Date()): { from: string; to: string } | null {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  let end: Date;
  if (period === 'custom') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(custom.from) || !/^\d{4}-\d{2}-\d{2}$/.test(custom.to)) return null;
    const from = localDay(custom.from);
    end = localDay(custom.to);
    end.setDate(end.getDate() + 1);
    return from < end ? { from: from.toISOString(), to: end.toISOString() } : null;
  }
  if (period === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  if (period === 'month') start.setDate(1);
  end = new Date(start);
  if (period === 'today') end.setDate(end.getDate() + 1);
  if (period === 'week') end.setDate(end.getDate() + 7);
  if (period === 'month') end.setMonth(end.getMonth() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** Saves a text file the way a browser downloads one. */
export function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const anchor = Object.assign(document.createElement('a'), { href: url, download: filename });
  anchor.click();
  URL.revokeObjectURL(url);
}

/** The server writes a BOM so spreadsheets read UTF-8; it is added again should any hop have dropped it. */
export const withBom = (csv: string) => (csv.startsWith('\ufeff') ? csv : `\ufeff${csv}`);

export interface Rates {
  period: Period;
  setPeriod(period: Period): void;
  custom: { from: string; to: string };
  setCustom(custom: { from: string; to: string }): void;
  by: RateBy;
  setBy(by: RateBy): void;
  /** The figures shown, with the period and grouping they are for; null while the first answer is awaited. */
  answer: z.infer<typeof ratesResponseSchema> | null;
  reload(): void;
  exportCsv(): Promise<void>;
}

/** The rates of the chosen period by unit or district, read when the panel opens and again on every choice; and their CSV. */
export function useRates(): Rates {
  const { api } = useWorkstation();
  const call = useCall();
  const [period, setPeriod] = useState<Period>('week');
  const today = dayText(new Date());
  const [custom, setCustom] = useState({ from: today, to: today });
  const [by, setBy] = useState<RateBy>('unit');
  const [answer, setAnswer] = useState<Rates['answer']>(null);
  const range = periodRange(period, custom);
  const from = range?.from;
  const to = range?.to;
  const ask = useCallback(
    (quietly: boolean) =>
      from && to
        ? call(() => api.monitor.rates({ from, to, by }), { failure: 'loadRates', background: quietly })
        : Promise.resolve(undefined),
    [api, call, from, to, by],
  );
  const reload = useCallback(() => void ask(false).then((r) => r && setAnswer(r)), [ask]);
  useRetriedRead(ask, setAnswer);
  const exportCsv = async () => {
    if (!from || !to) return;
    const file = await call(() => api.monitor.ratesCsv({ from, to, by }), { failure: 'exportRates' });
    if (file) download(file.filename, withBom(file.csv));
  };
  return { period, setPeriod, custom, setCustom, by, setBy, answer, reload, exportCsv };
}
