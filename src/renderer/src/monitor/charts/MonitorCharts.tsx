import { SimpleGrid } from '@mantine/core';
import type { MonitorState } from '../monitor-state';
import type { NameOf } from '../names';
import { DeadlineChart } from './DeadlineChart';
import { HeatMapChart } from './HeatMapChart';

const chartHeight = 230;

/** The charts on the monitor pane, side by side above the lists. */
export function MonitorCharts({ state, now, name }: { state: MonitorState; now: Date; name: NameOf }) {
  return (
    <SimpleGrid cols={2} data-testid="monitor-charts">
      <DeadlineChart state={state} now={now} scale="pane" height={chartHeight} />
      <HeatMapChart state={state} name={name} scale="pane" height={chartHeight} />
    </SimpleGrid>
  );
}
