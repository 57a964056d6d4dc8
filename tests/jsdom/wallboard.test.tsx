import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { MonitorAgent, MonitorSnapshot, MonitorTicket } from '../../src/shared/server-api/monitor';
import { fromSnapshot, riskLists } from '../../src/renderer/src/monitor/monitor-state';
import { formatWait, WallFigures } from '../../src/renderer/src/wallboard/WallFigures';
import { renderApp } from './render-app';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const now = new Date('2026-12-01T10:00:00+08:00');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(now.getTime() + ms).toISOString();
const hour = 3_600_000;

const ticket = (id: string, dueStartedAt: string | null, dueAt: string | null): MonitorTicket => ({
  id,
  seq: 1,
  number: id,
  status: 'registered',
  category: null,
  urgency: 'normal',
  districtCode: null,
  streetCode: null,
  leadUnit: null,
  createdAt: ago(hour),
  createdBy: 'agent1',
  dueStage: dueAt ? 'dispatch' : null,
  dueStartedAt,
  dueAt,
  incidentId: null,
  urgedCount: 0,
});
const agent = (username: string, state: MonitorAgent['state']): MonitorAgent => ({
  username,
  displayName: username,
  role: 'agent',
  state,
  since: null,
  callSince: null,
  ticketsToday: 0,
  callsToday: 0,
  ahtSeconds: null,
  reason: null,
  helpSince: null,
  helpAnsweredBy: null,
  today: { available: 0, on_call: 0, wrap_up: 0, break: 0 },
});
const snapshot: MonitorSnapshot = {
  at: now.toISOString(),
  head: 1,
  tickets: [
    ticket('on-time', ago(hour), ahead(20 * hour)),
    ticket('at-risk', ago(23 * hour), ahead(hour / 2)),
    ticket('overdue', ago(30 * hour), ago(6 * hour)),
    ticket('no-clock', null, null),
  ],
  agents: [agent('a1', 'available'), agent('a2', 'available'), agent('a3', 'on_call'), agent('a4', 'break'), agent('a5', 'disconnected')],
  waiting: [
    { id: 'c1', queue: '1', from: '13800000001', startedAt: ago(125_000) },
    { id: 'c2', queue: '1', from: '13800000002', startedAt: ago(9_000) },
  ],
  intakeByHour: [
    { hour: 8, today: 40, baseline: 30 },
    { hour: 9, today: 1_203, baseline: 900 },
  ],
  heat: [],
};

describe('the wall screen', () => {
  it('shows waits to the second, whatever the language', () => {
    expect(formatWait(0)).toBe('0:00');
    expect(formatWait(9_999)).toBe('0:09');
    expect(formatWait(125_000)).toBe('2:05');
    expect(formatWait(hour + 61_000)).toBe('1:01:01');
    expect(formatWait(-5)).toBe('0:00');
  });

  it('draws the figures from the monitor state: calls, the longest wait, agents by state, open, at risk, overdue and today', async () => {
    core = await openTestCore();
    const state = fromSnapshot(snapshot);
    await renderOnCore(core, <WallFigures state={state} risks={riskLists(state, now)} now={now} />);
    const value = (id: string) => screen.getByTestId(id).textContent;
    expect(value('wall-waiting-value')).toBe('2');
    expect(value('wall-longest-wait-value')).toBe('2:05');
    expect(value('wall-open-value')).toBe('4');
    expect(value('wall-at-risk-value')).toBe('1');
    expect(value('wall-overdue-value')).toBe('1');
    expect(value('wall-today-value')).toBe('1,243');
    expect(value('wall-agents-online')).toBe('4');
    expect([
      value('wall-agents-available'),
      value('wall-agents-on_call'),
      value('wall-agents-wrap_up'),
      value('wall-agents-break'),
    ]).toEqual(['2', '1', '0', '1']);
    expect(screen.getByTestId('wall-agents').textContent).toContain('话后处理');
  });

  it('opens over the workstation on Alt+Shift+F and leaves on Escape, with what was typed still there', async () => {
    const app = await renderApp();
    core = app.core;
    const phone = (await screen.findByTestId('field-callerPhone')) as HTMLInputElement;
    await app.user.click(phone);
    await app.user.keyboard('13912345678');
    await app.user.keyboard('{Alt>}{Shift>}F{/Shift}{/Alt}');
    // An agent signed in: the wall says it is for leads (the server would refuse the monitor anyway).
    expect((await screen.findByTestId('wallboard-message')).textContent).toBe('大屏只对班长和管理员开放，请用班长账号登录。');
    await act(() => app.user.keyboard('{Escape}'));
    await waitFor(() => expect(screen.queryByTestId('wallboard')).toBeNull());
    expect(phone.value.replace(/\D/g, '')).toBe('13912345678');
  }, 60_000);
});
