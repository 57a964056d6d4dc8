import { CompositeChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntakePoint } from './chart-data';

/**
 * Calls and tickets per hour today (bars) against the usual for this weekday (dashed lines). Colours
 * are Mantine's palette variables, so the chart follows the light or dark scheme; `height` lets a
 * wall screen draw it larger.
 */
export function IntakeByHourChart({ points, height = 220 }: { points: IntakePoint[]; height?: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="chart-intake-by-hour">
      <Text size="sm" fw={600} mb="xs">
        {t('monitor.callFigures.intakeChart')}
      </Text>
      <CompositeChart
        h={height}
        data={points}
        dataKey="hour"
        withLegend
        withDots={false}
        maxBarWidth={14}
        series={[
          { name: 'calls', label: t('monitor.callFigures.callsToday'), color: 'blue.6', type: 'bar' },
          { name: 'tickets', label: t('monitor.callFigures.ticketsToday'), color: 'teal.6', type: 'bar' },
          { name: 'callsUsual', label: t('monitor.callFigures.callsUsual'), color: 'blue.3', type: 'line', strokeDasharray: '5 5' },
          { name: 'ticketsUsual', label: t('monitor.callFigures.ticketsUsual'), color: 'teal.3', type: 'line', strokeDasharray: '5 5' },
        ]}
      />
    </Paper>
  );
}
