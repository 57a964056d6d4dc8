import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { VirtualTable } from '../../src/renderer/src/monitor/VirtualTable';

const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `t${i}`, number: `2026112900${String(i).padStart(5, '0')}` }));

describe('the virtualised table', () => {
  it('keeps 10,000 rows out of the page but the ones in view, and moves and opens by keyboard', () => {
    const onOpen = vi.fn();
    render(
      <MantineProvider>
        <VirtualTable
          label="工单"
          testId="big"
          rows={rows}
          rowKey={(r) => r.id}
          onOpen={onOpen}
          empty="无"
          columns={[{ key: 'n', header: '编号', width: '1fr', render: (r) => r.number }]}
        />
      </MantineProvider>,
    );
    const grid = screen.getByTestId('big');
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getAllByTestId('big-row').length).toBeLessThan(30);

    fireEvent.keyDown(grid, { key: 'End' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(rows[9_999]);
    fireEvent.keyDown(grid, { key: 'Home' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'PageDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(rows[10]);
  });
});
