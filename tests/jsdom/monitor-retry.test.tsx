import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/shared/contract/sync';
import type { Envelope } from '../../src/shared/result';
import type { MonitorSnapshot } from '../../src/shared/server-api/monitor';
import { createClient } from '../../src/renderer/src/api/client';
import type { LinkState, Transport } from '../../src/renderer/src/api/transport';
import { createI18n } from '../../src/renderer/src/i18n';
import { StaleFigures } from '../../src/renderer/src/monitor/StaleFigures';
import { type MonitorLoad, useMonitor } from '../../src/renderer/src/monitor/use-monitor';
import { WorkstationProvider } from '../../src/renderer/src/shell/api-context';
import { manualSchedule } from '../support/manual-schedule';

const snapshot = (count: number): MonitorSnapshot => ({
  at: new Date().toISOString(),
  head: count,
  tickets: Array.from({ length: count }, (_, i) => ({
    id: `t${i}`,
    seq: i,
    number: `20261201000${i}`,
    status: 'registered',
    category: null,
    urgency: 'normal',
    districtCode: '110105',
    streetCode: null,
    leadUnit: null,
    createdAt: new Date().toISOString(),
    createdBy: 'agent1',
    dueStage: 'dispatch',
    dueStartedAt: new Date().toISOString(),
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    incidentId: null,
    urgedCount: 0,
  })),
  agents: [],
  waiting: [],
  intakeByHour: [],
  heat: [],
});

const status = (connection: SyncStatus['connection']): SyncStatus => ({
  connection,
  outboxSize: 0,
  rejected: 0,
  lastSyncAt: null,
  bootstrap: null,
});
const unreachable: Envelope<never> = { ok: false, error: { code: 'unavailable', message: 'The central server cannot be reached.' } };

/**
 * The core as the monitor sees it, answering the snapshot as the test says (the server down, then
 * up) and pushing the connection and the link going away and coming back: the outage itself is
 * what is faked here, which a real core cannot be made to have on cue.
 */
function fakeCore() {
  let link: LinkState = 'open';
  let connection: SyncStatus['connection'] = 'online';
  const frames = new Set<(frame: unknown) => void>();
  const links = new Set<(state: LinkState) => void>();
  const answers = { snapshot: unreachable as Envelope<MonitorSnapshot> };
  let asked = 0;
  const transport: Transport = {
    invoke: async (call) => {
      if (call === 'sync.status') return { ok: true, value: status(connection) };
      if (call === 'monitor.snapshot') {
        asked += 1;
        return answers.snapshot;
      }
      return unreachable;
    },
    subscribe: (listener) => {
      frames.add(listener);
      return () => frames.delete(listener);
    },
    linkState: () => link,
    onLinkState: (listener) => {
      links.add(listener);
      return () => links.delete(listener);
    },
  };
  return {
    workstation: { ...createClient(transport), transport },
    answers,
    asked: () => asked,
    setConnection(next: SyncStatus['connection']) {
      connection = next;
      act(() => frames.forEach((listener) => listener({ event: 'sync.status', payload: status(next) })));
    },
    setLink(next: LinkState) {
      link = next;
      act(() => links.forEach((listener) => listener(next)));
    },
  };
}

/** The monitor's data and its stale notice, as the monitor pane shows them. */
async function renderMonitor(core: ReturnType<typeof fakeCore>, retry: Parameters<typeof useMonitor>[1]) {
  const i18n = await createI18n('zh-CN');
  const seen: { load: MonitorLoad | null } = { load: null };
  function Probe() {
    const load = useMonitor(true, retry);
    seen.load = load;
    return <StaleFigures since={load.staleSince} />;
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <WorkstationProvider value={core.workstation}>{children}</WorkstationProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  render(<Probe />, { wrapper });
  return () => seen.load!;
}

describe('the monitor snapshot after a failure', () => {
  it('is asked for again later and later, and the figures come once the server answers', async () => {
    const core = fakeCore();
    const clock = manualSchedule();
    const load = await renderMonitor(core, { schedule: clock.schedule, random: () => 1 });

    await waitFor(() => expect(load()).toEqual({ state: null, error: 'unavailable', staleSince: null }));
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    act(() => void clock.fire());
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    act(() => void clock.fire());
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    // 1 s, then twice as long each time (the ceiling of full jitter: the test's random is 1).
    expect(clock.delays()).toEqual([1000, 2000, 4000]);
    expect(core.asked()).toBe(3);

    core.answers.snapshot = { ok: true, value: snapshot(2) };
    act(() => void clock.fire());
    await waitFor(() => expect(load().state?.tickets.size).toBe(2));
    expect(load()).toMatchObject({ error: null, staleSince: null });
    expect(clock.pending()).toHaveLength(0);
    expect(core.asked()).toBe(4);
  });

  it('caps the wait at 30 s however long the server stays down', async () => {
    const core = fakeCore();
    const clock = manualSchedule();
    await renderMonitor(core, { schedule: clock.schedule, random: () => 1 });
    for (let failures = 1; failures < 8; failures += 1) {
      await waitFor(() => expect(clock.pending()).toHaveLength(1));
      act(() => void clock.fire());
    }
    await waitFor(() => expect(clock.delays()).toHaveLength(8));
    expect(clock.delays()).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('keeps the last figures marked stale since the server went away, and asks at once when the link comes back', async () => {
    const core = fakeCore();
    core.answers.snapshot = { ok: true, value: snapshot(3) };
    const clock = manualSchedule();
    const load = await renderMonitor(core, { schedule: clock.schedule, random: () => 1 });
    await waitFor(() => expect(load().state?.tickets.size).toBe(3));
    expect(screen.queryByTestId('monitor-stale')).toBeNull();

    // The server goes out of reach: no more deltas, the figures stay, marked.
    const before = Date.now();
    core.setConnection('unreachable');
    await waitFor(() => expect(load().staleSince).not.toBeNull());
    const since = load().staleSince!;
    expect(Date.parse(since)).toBeGreaterThanOrEqual(before);
    expect(load().state?.tickets.size).toBe(3);
    const time = new Date(since).toLocaleTimeString('zh-CN', { hour12: false });
    expect(screen.getByTestId('monitor-stale').textContent).toBe(`以下数字停在 ${time}：没能从服务器更新，正在自动重试，无需刷新。`);

    // Back in reach, but the snapshot still fails: still stale since the same moment, and retried.
    core.answers.snapshot = unreachable;
    core.setConnection('online');
    await waitFor(() => expect(load().error).toBe('unavailable'));
    expect(load().staleSince).toBe(since);
    await waitFor(() => expect(clock.pending()).toHaveLength(1));
    const askedBefore = core.asked();

    // The live link drops and comes back: asked again at once, not at the end of the wait.
    core.answers.snapshot = { ok: true, value: snapshot(4) };
    core.setLink('closed');
    expect(clock.pending()).toHaveLength(0);
    core.setLink('open');
    await waitFor(() => expect(load().state?.tickets.size).toBe(4));
    expect(core.asked()).toBe(askedBefore + 1);
    expect(load()).toMatchObject({ error: null, staleSince: null });
    expect(screen.queryByTestId('monitor-stale')).toBeNull();
  });
});
