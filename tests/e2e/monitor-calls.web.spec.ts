import { expect, type Page, test } from '@playwright/test';
import { formatSeconds, formatShare } from '../../src/renderer/src/monitor/charts/call-format';
import { issueSimulatorToken, simulateCalls } from '../../src/server/cti/call-simulator';
import { demoPassword } from '../../src/server/seed/demo-password';
import { callFigures } from '../../src/shared/domain/call-figures';
import type { CallFigures, CallFiguresResponse } from '../../src/shared/server-api/call-figures';
import type { Call } from '../../src/shared/server-api/cti';
import { login, server, serverUrl } from './support/central-server';
import { signInIfAsked, signOut } from './support/workstation-page';

/**
 * The lead's call figures against the truth: the call simulator rings one agent with more callers
 * than one agent can take, many of them hanging up, on two queues of this run's own. The figures on
 * the lead's screen must equal the server's API, and the API's figures for those queues must equal
 * the figures computed (by the shared definition) from the calls as the switch's events left them.
 */
const columns = ['offered', 'answered', 'abandoned', 'waiting', 'serviceLevel', 'abandonRate', 'asaSeconds', 'ahtSeconds'] as const;
const shown = (figures: CallFigures, column: (typeof columns)[number]) =>
  column === 'serviceLevel' || column === 'abandonRate'
    ? formatShare(figures[column])
    : column === 'asaSeconds' || column === 'ahtSeconds'
      ? formatSeconds(figures[column])
      : figures[column].toLocaleString('zh-CN');

/** The row of figures as the lead's screen shows it. */
const screenRow = (page: Page, key: string) =>
  Promise.all(columns.map(async (c) => (await page.getByTestId(`calls-${key}-${c}`).textContent()) ?? ''));

test('the figures on the lead’s screen equal the server’s and those of the call events, callers abandoning', async ({ page }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const queues = [`e2e-${run}-a`, `e2e-${run}-b`];
  const leadToken = await login('lead1');
  const { token } = await issueSimulatorToken(serverUrl, 'admin', demoPassword);

  await page.goto('/');
  await signInIfAsked(page, 'lead1');
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('stat-service-level')).toBeVisible();

  const calls = new Map<string, Call>();
  const simulation = simulateCalls({
    serverUrl,
    token,
    agents: ['agent3'],
    calls: 16,
    intervalSeconds: 2,
    speed: 10,
    abandonShare: 0.35,
    queues,
    knownCallers: [],
    seed: 20,
    onCall: (call) => calls.set(call.id, call),
  });
  try {
    // One agent, calls every 0.2 s: callers queue, and the longest wait counts up to the second.
    const longest = page.getByTestId('stat-waiting');
    await expect(longest).toContainText(/最长等待 0:0[2-9]|最长等待 0:[1-5]\d|最长等待 [1-9]\d*:\d\d/, { timeout: 30_000 });
    const first = await longest.textContent();
    await expect.poll(() => longest.textContent(), { timeout: 5_000 }).not.toBe(first);

    await page.getByTestId('monitor-tab-calls').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chart-intake-by-hour').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('chart-service-level').locator('svg').first()).toBeVisible();
    const result = await simulation;
    expect(result.abandoned).toBeGreaterThan(0);
    expect(result.answered).toBeGreaterThan(0);

    const api = await server<CallFiguresResponse>('GET', '/api/calls/figures', undefined, leadToken);
    const at = new Date(api.at);
    const ours = [...calls.values()];
    expect(ours).toHaveLength(16);
    expect(ours.every((c) => c.state === 'ended')).toBe(true);
    for (const queue of queues) {
      const fromEvents = callFigures(
        ours.filter((c) => c.queue === queue),
        api.thresholdSeconds,
        at,
      );
      const fromApi = api.byQueue.find((q) => q.queue === queue);
      expect(fromApi, `queue ${queue}`).toBeDefined();
      for (const [key, value] of Object.entries(fromEvents)) {
        const actual = fromApi![key as keyof CallFigures];
        if (typeof value === 'number') expect(actual, `${queue} ${key}`).toBeCloseTo(value, 6);
        else expect(actual, `${queue} ${key}`).toBe(value);
      }
    }
    const abandoned = api.byQueue.filter((q) => queues.includes(q.queue ?? '')).reduce((n, q) => n + q.abandoned, 0);
    expect(abandoned).toBe(result.abandoned);

    // The screen reads the figures again after the last hang-up: the same numbers as the API's.
    await expect.poll(async () => screenRow(page, 'total'), { timeout: 10_000 }).toEqual(columns.map((c) => shown(api.total, c)));
    for (const queue of queues)
      expect(await screenRow(page, `queue-${queue}`)).toEqual(
        columns.map((c) =>
          shown(
            api.byQueue.find((q) => q.queue === queue)!,
            c,
          ),
        ),
      );
    for (const hour of api.byHour.filter((h) => h.offered > 0))
      expect(await screenRow(page, `hour-${hour.hour}`)).toEqual(columns.map((c) => shown(hour, c)));
    await expect(page.getByTestId('stat-abandoned-value')).toHaveText(api.total.abandoned.toLocaleString('zh-CN'));
    await expect(page.getByTestId('stat-service-level-value')).toHaveText(formatShare(api.total.serviceLevel));
    console.log(
      `Simulated ${ours.length} calls: ${result.answered} answered, ${result.abandoned} abandoned; today on the server: ${api.total.offered} offered, service level ${formatShare(api.total.serviceLevel)}, ASA ${formatSeconds(api.total.asaSeconds)}, AHT ${formatSeconds(api.total.ahtSeconds)}`,
    );
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/monitor-calls.png', fullPage: true });
  } finally {
    await simulation.catch(() => undefined);
  }
  await signOut(page);
});
