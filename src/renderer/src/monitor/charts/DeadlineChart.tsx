import { BarChart } from '@mantine/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countDeadlineBands, type DeadlineBand, deadlineBands } from '../../../../shared/domain/deadline-bands';
import type { MonitorState } from '../monitor-state';
import { chartFont, ChartPanel, type ChartScale } from './ChartPanel';

const bandColor: Record<DeadlineBand, string> = {
  overdue: 'red.7',
  underHour: 'orange.6',
  oneToFour: 'yellow.6',
  fourToDay: 'blue.5',
  overDay: 'teal.6',
};

/** Open tickets by how long their clock has left, most urgent band first. */
export function DeadlineChart({ state, now, scale, height }: { state: MonitorState; now: Date; scale: ChartScale; height?: number }) {
  const { t, i18n } = useTranslation();
  const { bands, noClock } = useMemo(() => countDeadlineBands(state.tickets.values(), now), [state.tickets, now]);
  const data = deadlineBands.map((band) => ({ band: t(`monitor.charts.band.${band}`), count: bands[band], color: bandColor[band] }));
  const fontSize = chartFont[scale];
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <ChartPanel
      title={t('monitor.charts.deadlines')}
      note={t('monitor.charts.noClock', { count: noClock })}
      summary={data.map((d) => `${d.band} ${number(d.count)}`).join(t('monitor.charts.separator'))}
      scale={scale}
      testId="chart-deadlines"
      chartHeight={height}
    >
      <BarChart
        h="100%"
        data={data}
        dataKey="band"
        series={[{ name: 'count', label: t('monitor.charts.tickets') }]}
        withBarValueLabel
        valueLabelProps={{ fontSize, fontWeight: 700 }}
        valueFormatter={number}
        withTooltip={scale === 'pane'}
        yAxisLabel={t('monitor.charts.tickets')}
        xAxisProps={{ tick: { fontSize, fill: 'var(--mantine-color-text)' } }}
        yAxisProps={{ tick: { fontSize, fill: 'var(--mantine-color-text)' }, width: scale === 'wall' ? 90 : 50 }}
        gridAxis="y"
        textColor="var(--mantine-color-text)"
        maxBarWidth={scale === 'wall' ? 160 : 60}
        barChartProps={{ margin: { top: fontSize + 8 } }}
        styles={{ axisLabel: { fontSize } }}
      />
    </ChartPanel>
  );
}
