import { LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LevelPoint } from './chart-data';

/** Service level and abandonment through the day, per hour and (service level) for the day so far, in percent. */
export function ServiceLevelChart({
  points,
  thresholdSeconds,
  height = 220,
}: {
  points: LevelPoint[];
  thresholdSeconds: number;
  height?: number;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="chart-service-level">
      <Text size="sm" fw={600} mb="xs">
        {t('monitor.callFigures.levelChart', { seconds: thresholdSeconds })}
      </Text>
      <LineChart
        h={height}
        data={points}
        dataKey="hour"
        unit="%"
        withLegend
        connectNulls={false}
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(value) => value.toFixed(1)}
        series={[
          { name: 'dayServiceLevel', label: t('monitor.callFigures.dayServiceLevel'), color: 'blue.6' },
          { name: 'serviceLevel', label: t('monitor.callFigures.hourServiceLevel'), color: 'blue.3' },
          { name: 'abandonRate', label: t('monitor.callFigures.abandonRate'), color: 'red.6' },
        ]}
      />
    </Paper>
  );
}
