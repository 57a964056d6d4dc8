import { BarChart } from '@mantine/charts';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RateName, type RateRow, rateNames } from '../../../shared/server-api/monitor';
import type { NameOf } from './names';

/** One rate of every unit or district as bars, best first; rows with nothing judged are left out. */
export function RatesChart({ rows, name }: { rows: readonly RateRow[]; name: NameOf }) {
  const { t } = useTranslation();
  const [rate, setRate] = useState<RateName>('response');
  const label = t(`monitor.rates.${rate}`);
  const data = rows
    .filter((r) => r[rate].rate !== null)
    .map((r) => ({ name: name(r.key), percent: Number(((r[rate].rate ?? 0) * 100).toFixed(1)) }))
    .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('monitor.rateChart', { rate: label })}
      </Text>
      <SegmentedControl
        size="xs"
        value={rate}
        onChange={(value) => setRate(value as RateName)}
        data={rateNames.map((n) => ({ value: n, label: t(`monitor.rates.${n}`) }))}
        data-testid="rates-chart-rate"
      />
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitor.noRates')}
        </Text>
      ) : (
        <BarChart
          data-testid="rates-chart"
          aria-label={t('monitor.rateChart', { rate: label })}
          h={Math.max(160, data.length * 30 + 40)}
          data={data}
          dataKey="name"
          orientation="vertical"
          series={[{ name: 'percent', label, color: 'blue.6' }]}
          valueFormatter={(value) => `${value.toFixed(1)}%`}
          xAxisProps={{ domain: [0, 100] }}
          yAxisProps={{ width: 160 }}
          withBarValueLabel
          gridAxis="x"
        />
      )}
    </Stack>
  );
}
