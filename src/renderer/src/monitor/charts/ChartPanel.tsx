import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** How large a chart is drawn: in the monitor pane, or on the wall screen read from across the room. */
export type ChartScale = 'pane' | 'wall';

export const chartFont: Record<ChartScale, number> = { pane: 12, wall: 22 };

/** Width of a label in px: CJK characters are square, Latin ones about six tenths of the font size. */
export const labelWidth = (text: string, fontSize: number) =>
  [...text].reduce((sum, char) => sum + (char.codePointAt(0)! >= 0x2e80 ? fontSize : fontSize * 0.62), 0);

/**
 * One labelled chart: its title, the chart filling the rest, and a note below. `summary` is the
 * chart in words, for screen readers and for anyone checking the figures behind the bars.
 */
export function ChartPanel({
  title,
  note,
  summary,
  scale,
  testId,
  chartHeight,
  children,
}: {
  title: string;
  note?: string;
  summary: string;
  scale: ChartScale;
  testId: string;
  /** The chart's own height in px; without it the chart takes what the panel leaves (the wall's grid). */
  chartHeight?: number;
  children: ReactNode;
}) {
  const wall = scale === 'wall';
  return (
    <Paper withBorder p={wall ? 'md' : 'sm'} h="100%" data-testid={testId}>
      <Stack gap={wall ? 'sm' : 4} h="100%">
        <Text fw={700} fz={wall ? 30 : 'sm'}>
          {title}
        </Text>
        <div
          role="img"
          aria-label={summary}
          data-testid={`${testId}-chart`}
          style={chartHeight ? { height: chartHeight } : { flex: 1, minHeight: 0 }}
        >
          {children}
        </div>
        {note && (
          <Text c="dimmed" fz={wall ? 20 : 'xs'}>
            {note}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The label cut to `px` wide with an ellipsis, so one long name cannot squeeze every cell of a chart. */
export function fitLabel(text: string, px: number, fontSize: number): string {
  if (labelWidth(text, fontSize) <= px) return text;
  const chars = [...text];
  while (chars.length > 1 && labelWidth(`${chars.join('')}…`, fontSize) > px) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
