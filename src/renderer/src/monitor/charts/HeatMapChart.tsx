import { MatrixChart } from '@mantine/charts';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorState } from '../monitor-state';
import type { NameOf } from '../names';
import { chartFont, ChartPanel, type ChartScale, fitLabel, labelWidth } from './ChartPanel';
import { heatMatrix } from './heat-matrix';

const rowsShown: Record<ChartScale, number> = { pane: 8, wall: 8 };

/**
 * The last 24 hours' tickets as category × district: the darker the cell, the more tickets; a
 * spike against the 7 days before is outlined in red. Cells are as large as the panel allows.
 */
export function HeatMapChart({ state, name, scale, height }: { state: MonitorState; name: NameOf; scale: ChartScale; height?: number }) {
  const { t } = useTranslation();
  const { ref, width, height: boxHeight } = useElementSize();
  const matrix = useMemo(() => heatMatrix(state.heat, rowsShown[scale]), [state.heat, scale]);
  const fontSize = chartFont[scale];
  const gap = 2;
  const rows = Math.max(1, matrix.categories.length);
  const columns = Math.max(1, matrix.districts.length);
  // Labels get at most a third of the width (rows) and a quarter of the height (columns, at -60°, so
  // sin 60° of their length); a longer name is cut rather than shrinking every cell.
  const rowLabel = (code: string) => fitLabel(name(code), width / 3, fontSize);
  const columnLabel = (code: string) => fitLabel(name(code), boxHeight / 4 / 0.87, fontSize);
  const yLabels = Math.max(0, ...matrix.categories.map((c) => labelWidth(rowLabel(c), fontSize))) + 10;
  const xLabels = Math.max(0, ...matrix.districts.map((d) => labelWidth(columnLabel(d), fontSize))) * 0.87 + 12;
  // The legend below the grid is one cell high plus its padding (10 px).
  const cellSize = Math.floor(
    Math.max(
      8,
      Math.min(
        (width - yLabels - (columns - 1) * gap) / columns,
        (boxHeight - xLabels - 10 - rows * gap) / (rows + 1),
        scale === 'wall' ? 72 : 36,
      ),
    ),
  );
  const data = matrix.cells.map((c) => ({ x: columnLabel(c.districtCode), y: rowLabel(c.category), value: c.count }));
  const spikes = new Set(matrix.cells.filter((c) => c.spike).map((c) => `${columnLabel(c.districtCode)}|${rowLabel(c.category)}`));
  const top = [...matrix.cells].sort((a, b) => b.count - a.count).slice(0, 3);
  return (
    <ChartPanel
      title={t('monitor.charts.heat')}
      note={
        matrix.cells.length === 0
          ? t('monitor.charts.heatEmpty')
          : matrix.hiddenCategories > 0
            ? t('monitor.charts.heatTop', { shown: matrix.categories.length, count: matrix.categories.length + matrix.hiddenCategories })
            : t('monitor.charts.heatSpike')
      }
      summary={top.map((c) => `${name(c.category)} · ${name(c.districtCode)} ${c.count}`).join(t('monitor.charts.separator'))}
      scale={scale}
      testId="chart-heat"
      chartHeight={height}
    >
      <div ref={ref} style={{ width: '100%', height: '100%', overflow: 'hidden', display: 'flex', justifyContent: 'center' }}>
        {width > 0 && matrix.cells.length > 0 && (
          <MatrixChart
            data={data}
            xLabels={matrix.districts.map(columnLabel)}
            yLabels={matrix.categories.map(rowLabel)}
            cellSize={cellSize}
            gap={gap}
            fontSize={fontSize}
            withXLabels
            withYLabels
            yLabelsWidth={yLabels}
            xLabelsHeight={xLabels}
            xLabelsRotation={-60}
            withLegend
            legendLabels={[t('monitor.charts.less'), t('monitor.charts.more')]}
            emptyColor="var(--mantine-color-default-hover)"
            withTooltip={scale === 'pane'}
            // The chart sizes its legend for Latin letters; a Chinese label is wider and would be cut.
            style={{ overflow: 'visible' }}
            getTooltipLabel={(cell) => `${cell.y} · ${cell.x}: ${cell.value ?? 0}`}
            getCellProps={(cell) =>
              spikes.has(`${cell.x}|${cell.y}`) ? { stroke: 'var(--mantine-color-red-6)', strokeWidth: scale === 'wall' ? 3 : 2 } : {}
            }
            styles={{ xLabel: { fill: 'var(--mantine-color-text)' }, yLabel: { fill: 'var(--mantine-color-text)' } }}
          />
        )}
      </div>
    </ChartPanel>
  );
}
