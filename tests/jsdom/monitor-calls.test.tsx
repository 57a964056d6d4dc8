import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { callFigures, type FigureCall } from '../../src/shared/domain/call-figures';
import type { CallFiguresResponse } from '../../src/shared/server-api/call-figures';
import type { MonitorSnapshot } from '../../src/shared/server-api/monitor';
import { CallsPanel } from '../../src/renderer/src/monitor/CallsPanel';
import { levelPoints } from '../../src/renderer/src/monitor/charts';
import { fromSnapshot } from '../../src/renderer/src/monitor/monitor-state';
import { StatCards } from '../../src/renderer/src/monitor/StatCards';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const now = new Date('2026-12-01T02:30:00.000Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
const inbound = (started: number, answered: number | null, ended: number | null): FigureCall => ({
  direction: 'in',
  startedAt: ago(started),
  answeredAt: answered === null ? null : ago(answered),
  endedAt: ended === null ? null : ago(ended),
});
// In the hour before: 2 answered in time, 1 short abandon, 1 abandoned late; this hour: 1 answered late, 2 waiting.
const earlier = [inbound(3000, 2995, 2900), inbound(2900, 2890, 2800), inbound(2700, null, 2695), inbound(2600, null, 2500)];
const thisHour = [inbound(1200, 1150, 1000), inbound(75, null, null), inbound(12, null, null)];

const figures: CallFiguresResponse = {
  at: now.toISOString(),
  day: '2026-12-01',
  thresholdSeconds: 15,
  total: callFigures([...earlier, ...thisHour], 15, now),
  byQueue: [{ queue: 'general', ...callFigures([...earlier, ...thisHour], 15, now) }],
  byHour: Array.from({ length: 24 }, (_, hour) => ({
    hour,
    usual: hour === 10 ? 2.5 : 0,
    ...callFigures(hour === 9 ? earlier : hour === 10 ? thisHour : [], 15, now),
  })),
  usualWeeks: 4,
};

const snapshot: MonitorSnapshot = {
  at: now.toISOString(),
  head: 0,
  tickets: [],
  agents: [],
  waiting: [
    { id: 'w1', queue: 'general', from: '13800000001', startedAt: ago(75) },
    { id: 'w2', queue: 'general', from: '13800000002', startedAt: ago(12) },
  ],
  intakeByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, today: hour === 10 ? 3 : 0, baseline: 0 })),
  heat: [],
};

describe('the call figures on the monitor', () => {
  it('shows the longest wait to the second, ticking, with abandoned calls and the service level on top', async () => {
    core = await openTestCore();
    const state = fromSnapshot(snapshot);
    const cards = (at: Date) => <StatCards state={state} risks={{ atRisk: [], overdue: [] }} now={at} calls={figures} onOpen={() => {}} />;
    const { rerender, i18n } = await renderOnCore(core, cards(now));
    expect(screen.getByTestId('stat-waiting').textContent).toContain('最长等待 1:15');
    expect(screen.getByTestId('queues').textContent).toContain('2 · 1:15');
    act(() => rerender(cards(new Date(now.getTime() + 1000))));
    expect(screen.getByTestId('stat-waiting').textContent).toContain('最长等待 1:16');
    // 2 abandoned of 6 decided; service level 2 ÷ (3 answered + 2 abandoned − 1 short + 1 waiting past 15 s).
    expect(screen.getByTestId('stat-abandoned-value').textContent).toBe('2');
    expect(screen.getByTestId('stat-abandoned').textContent).toContain('放弃率 40.0% · 今日来电 7');
    expect(screen.getByTestId('stat-service-level-value').textContent).toBe('40.0%');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('stat-service-level').textContent).toContain('2 answered within 15 s · ASA 0:21');
    expect(screen.getByTestId('stat-waiting').textContent).toContain('longest 1:16');
  });

  it('lists the figures per queue and per hour under the charts, in either language', async () => {
    core = await openTestCore();
    const { i18n } = await renderOnCore(core, <CallsPanel calls={figures} state={fromSnapshot(snapshot)} />);
    expect(screen.getByTestId('chart-intake-by-hour').textContent).toContain('今日每小时来电与工单');
    expect(screen.getByTestId('chart-service-level').textContent).toContain('服务水平与放弃率（15 秒内接听）');
    expect(screen.getByTestId('calls-total-offered').textContent).toBe('7');
    expect(screen.getByTestId('calls-queue-general-abandoned').textContent).toBe('2');
    expect(screen.getByTestId('calls-hour-9-serviceLevel').textContent).toBe('66.7%'); // 2 ÷ (2 + 2 − 1)
    expect(screen.getByTestId('calls-hour-10-serviceLevel').textContent).toBe('0.0%'); // 0 ÷ (1 + 1 waiting past 15 s)
    expect(screen.getByTestId('calls-hour-10-ahtSeconds').textContent).toBe('2:30'); // answered 1,150 s ago, ended 1,000 s ago
    expect(screen.getByTestId('calls-hour-10').textContent).toContain('2.5');
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('chart-service-level').textContent).toContain('Service level and abandonment (answered within 15 s)');
    expect(screen.getByRole('table', { name: "Today's calls per queue" })).toBeTruthy();
  });

  it('draws the service level through the day hour by hour and for the day so far', () => {
    const points = levelPoints(figures);
    expect(points[9]).toEqual({ hour: '09', serviceLevel: 66.7, abandonRate: 50, dayServiceLevel: 66.7 });
    // The day so far: 2 within ÷ (3 answered + 2 abandoned − 1 short + 1 waiting past 15 s) = 40 %.
    expect(points[10]).toEqual({ hour: '10', serviceLevel: 0, abandonRate: 0, dayServiceLevel: 40 });
    expect(points[11]).toEqual({ hour: '11', serviceLevel: null, abandonRate: null, dayServiceLevel: null });
  });
});
