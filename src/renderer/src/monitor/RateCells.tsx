import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Rate, type RateRow, rateNames } from '../../../shared/server-api/monitor';

export const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** A rate with the counts it was divided from, so anyone can check it. */
export const RateCell = ({ rate }: { rate: Rate }) => (
  <Table.Td>
    {pct(rate.rate)}{' '}
    <Text span size="xs" c="dimmed">
      ({rate.met}/{rate.of})
    </Text>
  </Table.Td>
);

export function RateHeaders() {
  const { t } = useTranslation();
  return rateNames.map((n) => <Table.Th key={n}>{t(`monitor.rates.${n}`)}</Table.Th>);
}

export const RateCells = ({ row }: { row: RateRow }) => rateNames.map((n) => <RateCell key={n} rate={row[n]} />);
