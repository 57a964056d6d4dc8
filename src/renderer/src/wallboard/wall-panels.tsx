import type { ReactNode } from 'react';
import { DeadlineChart } from '../monitor/charts/DeadlineChart';
import { HeatMapChart } from '../monitor/charts/HeatMapChart';
import type { MonitorState } from '../monitor/monitor-state';
import type { NameOf } from '../monitor/names';

/** What every wall panel may draw from: the live monitor state, the screen's clock and the names of codes. */
export interface WallPanelProps {
  state: MonitorState;
  now: Date;
  name: NameOf;
}

/**
 * The wall screen's charts in reading order, one line each. The grid below the figures fits
 * however many there are to the screen (up to four side by side, then another row), so a new
 * chart is one more line here and nothing else.
 */
export const wallPanels: readonly { id: string; render: (props: WallPanelProps) => ReactNode }[] = [
  { id: 'deadlines', render: ({ state, now }) => <DeadlineChart state={state} now={now} scale="wall" /> },
  { id: 'heat', render: ({ state, name }) => <HeatMapChart state={state} name={name} scale="wall" /> },
];
