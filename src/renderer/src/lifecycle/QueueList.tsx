import { Box, Text } from '@mantine/core';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { TicketSummary } from '../../../shared/contract/tickets';
import type { QueueWindow } from './use-work-queue';

const rowHeight = 52;
const overscan = 6;

export interface QueueListProps {
  /** The list's element id: the pane puts the cursor here. */
  id: string;
  label: string;
  queue: QueueWindow;
  selected: string | null;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  renderRow: (row: TicketSummary) => ReactNode;
  empty: string;
  height?: number;
}

/**
 * A work list of any length as one Tab stop: only the rows in view are in the page. Arrows,
 * Page Up/Down and Home/End move the cursor, which selects the ticket under it; Enter opens it.
 * The cursor stays at its position when the list changes under it (the ticket just dispatched
 * leaves, the next one moves up), and follows a ticket selected from elsewhere once it is in view.
 */
export function QueueList({ id, label, queue, selected, onSelect, onOpen, renderRow, empty, height = 440 }: QueueListProps) {
  const total = queue.total ?? 0;
  const [active, setActive] = useState(0);
  const [top, setTop] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  // Set by a key or a click: the ticket under the cursor becomes the selection once its row is loaded.
  const follow = useRef(false);
  const current = Math.min(active, Math.max(total - 1, 0));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((top + height) / rowHeight) + overscan);
  const pageRows = Math.max(1, Math.floor(height / rowHeight) - 1);
  const under = queue.row(current);

  const { view } = queue;
  useEffect(() => view(first, Math.max(last, first + 1)), [view, first, last]);
  useEffect(() => {
    if (!follow.current || !under) return;
    follow.current = false;
    if (under.id !== selected) onSelect(under.id);
  }, [under, selected, onSelect]);
  const selectedAt = selected ? queue.indexOf(selected) : -1;
  useEffect(() => {
    if (selectedAt >= 0 && !follow.current) setActive(selectedAt);
  }, [selectedAt]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    // A loaded row is selected at once (the cursor may not move at all: Home on the first row); one
    // still loading is selected when it arrives.
    const row = queue.row(next);
    follow.current = !row;
    if (row && row.id !== selected) onSelect(row.id);
    setActive(next);
    const box = viewport.current;
    const scrolled = box?.scrollTop ?? top;
    let wanted = scrolled;
    if (next * rowHeight < scrolled) wanted = next * rowHeight;
    else if ((next + 1) * rowHeight > scrolled + height) wanted = (next + 1) * rowHeight - height;
    if (box) box.scrollTop = wanted;
    setTop(wanted);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: total - 1,
    };
    if (event.key in moves && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      if (total > 0) moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && !event.altKey && !event.ctrlKey && under) {
      event.preventDefault();
      onOpen(under.id);
    }
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = queue.row(index);
    const style = { position: 'absolute', top: index * rowHeight, height: rowHeight, left: 0, right: 0, padding: '4px 8px' } as const;
    rows.push(
      row ? (
        <div
          key={row.id}
          id={`work-row-${row.id}`}
          role="option"
          aria-selected={row.id === selected}
          aria-posinset={index + 1}
          aria-setsize={total}
          data-testid="work-row"
          data-active={index === current || undefined}
          tabIndex={-1}
          // A row is never a Tab stop of its own: the cursor lives on the list.
          onFocus={() => list.current?.focus()}
          onClick={() => {
            follow.current = false;
            setActive(index);
            onSelect(row.id);
          }}
          style={{
            ...style,
            cursor: 'pointer',
            borderRadius: 4,
            background: row.id === selected ? 'var(--mantine-primary-color-light)' : undefined,
            outline: index === current ? '2px solid var(--mantine-primary-color-filled)' : undefined,
            outlineOffset: -2,
          }}
        >
          {renderRow(row)}
        </div>
      ) : (
        <div key={`loading-${index}`} aria-hidden style={style}>
          <Text c="dimmed" size="sm">
            …
          </Text>
        </div>
      ),
    );
  }

  return (
    <Box
      ref={list}
      id={id}
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={under ? `work-row-${under.id}` : undefined}
      aria-busy={queue.total === null}
      onKeyDown={onKeyDown}
      data-testid="work-list"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <div ref={viewport} style={{ height, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
        {queue.total === 0 && (
          <Text c="dimmed" size="sm" p="sm">
            {empty}
          </Text>
        )}
        <div style={{ height: total * rowHeight, position: 'relative' }}>{rows}</div>
      </div>
    </Box>
  );
}
