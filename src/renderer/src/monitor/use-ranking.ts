import { useCallback, useState } from 'react';
import type { Ranking } from '../../../shared/server-api/monitor';
import { useCall } from '../api/use-call';
import { useWorkstation } from '../shell/api-context';
import { download, withBom } from './use-rates';
import { useRetriedRead } from './use-retried-read';

/** The last twelve months, newest first, as `2026-11`. */
export function recentMonths(now = new Date(), count = 12): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
}

/** The chosen month's ranking, read when the panel opens and on every choice of month; and its CSV. */
export function useRanking() {
  const { api } = useWorkstation();
  const call = useCall();
  const [month, setMonth] = useState(() => recentMonths()[0]!);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const read = useCallback(
    (quietly: boolean) => call(() => api.monitor.ranking({ month }), { failure: 'loadRanking', background: quietly }),
    [api, call, month],
  );
  useRetriedRead(read, setRanking);
  const exportCsv = async () => {
    const file = await call(() => api.monitor.rankingCsv({ month }), { failure: 'exportRanking' });
    if (file) download(file.filename, withBom(file.csv));
  };
  return { month, setMonth, ranking: ranking?.month === month ? ranking : null, exportCsv };
}
