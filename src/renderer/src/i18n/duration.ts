import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/domain/sla';

/**
 * A countdown in the UI's language: `1 时 05 分`, `1 天 0 时` / `1 h 05 min`, `1 d 0 h`. Minutes
 * after hours keep two digits, so a column of countdowns lines up.
 */
export function useDuration(): (ms: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (ms: number) => {
      const { negative, parts } = formatDuration(ms);
      const words = parts.map(({ unit, value }, i) =>
        t(`duration.${unit}`, { value: unit === 'min' && i > 0 ? String(value).padStart(2, '0') : String(value) }),
      );
      return `${negative ? '-' : ''}${words.join(' ')}`;
    },
    [t],
  );
}
