import { formatWait } from '../../../../shared/domain/call-figures';

/** A share as the monitor writes it: one decimal, "—" when there is nothing to divide by. */
export const formatShare = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** Seconds as m:ss, "—" when there is nothing to average. */
export const formatSeconds = (seconds: number | null): string => (seconds === null ? '—' : formatWait(seconds));
