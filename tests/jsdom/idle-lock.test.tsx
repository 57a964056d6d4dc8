import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleLock } from '../../src/renderer/src/shell/use-idle-lock';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const minute = 60_000;

describe('the idle lock', () => {
  it('locks after the configured idle minutes, and every key or mouse move starts the count again', () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleLock(10, true, onIdle));
    vi.advanceTimersByTime(9 * minute);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(9 * minute);
    window.dispatchEvent(new MouseEvent('pointermove'));
    vi.advanceTimersByTime(9 * minute);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1 * minute);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stays off while inactive (on a live call, locked, nobody signed in) and when set to 0', () => {
    const onIdle = vi.fn();
    const { rerender } = renderHook(({ active, minutes }) => useIdleLock(minutes, active, onIdle), {
      initialProps: { active: false, minutes: 10 },
    });
    vi.advanceTimersByTime(60 * minute);
    rerender({ active: true, minutes: 0 });
    vi.advanceTimersByTime(60 * minute);
    expect(onIdle).not.toHaveBeenCalled();
    rerender({ active: true, minutes: 1 });
    vi.advanceTimersByTime(1 * minute);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
