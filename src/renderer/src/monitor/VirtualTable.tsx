import { Box, Text } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track: `8rem`, `1fr`. */
  width: string;
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  /** Plain keys (a letter, no Ctrl/Alt/⌘) that act on the selected row, by key: `{ U: urge }`. */
  rowKeys?: Readonly<Record<string, (row: T) => void>>;
  height?: number;
  empty: string;
  testId: string;
}

const rowHeight = 32;
const overscan = 8;

/**
 * A table that renders only the rows in view (plus a few), so 10,000 rows scroll as smoothly as
 * ten. Keyboard: arrows, Page Up/Down, Home/End move the selection; Enter opens the row; the table's own row keys act on it.
 */
export function VirtualTable<T>({ label, rows, columns, rowKey, onOpen, rowKeys, height = 320, empty, testId }: VirtualTableProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => c.width).join(' ');
  const current = Math.min(selected, Math.max(rows.length - 1, 0));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const pageRows = Math.max(1, Math.floor(height / rowHeight) - 1);

  const select = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setSelected(next);
    const box = viewport.current;
    if (!box) return;
    if (next * rowHeight < box.scrollTop) box.scrollTop = next * rowHeight;
    else if ((next + 1) * rowHeight > box.scrollTop + height) box.scrollTop = (next + 1) * rowHeight - height;
  };

  const rowAction = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || !rowKeys) return undefined;
    const key = Object.keys(rowKeys).find((k) => k.toLowerCase() === event.key.toLowerCase());
    return key === undefined ? undefined : rowKeys[key];
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = rowAction(event);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      select(moves[event.key]!);
    } else if (event.key === 'Enter' && rows[current] && onOpen) {
      event.preventDefault();
      onOpen(rows[current]);
    } else if (action && rows[current]) {
      event.preventDefault();
      action(rows[current]);
    }
  };

  return (
    <Box
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={rows[current] ? `${testId}-${rowKey(rows[current])}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <Box
        role="row"
        aria-rowindex={1}
        style={{
          display: 'grid',
          gridTemplateColumns: template,
          fontWeight: 600,
          padding: '4px 8px',
          background: 'var(--mantine-color-default-hover)',
        }}
      >
        {columns.map((c) => (
          <div role="columnheader" key={c.key}>
            {c.header}
          </div>
        ))}
      </Box>
      <div
        ref={viewport}
        style={{ height, overflowY: 'auto', position: 'relative' }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        {rows.length === 0 && (
          <Text c="dimmed" p="sm">
            {empty}
          </Text>
        )}
        <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => {
            const index = first + offset;
            return (
              <div
                role="row"
                id={`${testId}-${rowKey(row)}`}
                key={rowKey(row)}
                aria-rowindex={index + 2}
                aria-selected={index === current}
                data-testid={`${testId}-row`}
                style={{
                  position: 'absolute',
                  top: index * rowHeight,
                  height: rowHeight,
                  left: 0,
                  right: 0,
                  display: 'grid',
                  gridTemplateColumns: template,
                  alignItems: 'center',
                  padding: '0 8px',
                  background: index === current ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                {columns.map((c) => (
                  <div role="gridcell" key={c.key} style={{ overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>
                    {c.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}
