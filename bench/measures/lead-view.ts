import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type WebSocket from 'ws';
import { migrateServer } from '../../src/server/db/migrate';
import { openPostgres } from '../../src/server/db/postgres';
import { demoPassword } from '../../src/server/seed/demo-password';
import { seededRandom } from '../../src/server/seed/random';
import { seedDemoUsers, seedReference } from '../../src/server/seed/seed';
import { createDatabase } from '../../tests/support/postgres-cluster';
import { copyCentre } from './bootstrap';
import { launchChromium, startWebHost } from './browser';
import { startCentralServer } from './central-server';
import { liveSocket } from './live-load';
import { simulatedWorkstations } from './reconnect-storm';
import { postJson } from './server-calls';
import { median, percentile, type MeasureResult } from './stats';
import { offlineTickets, syntheticCentre } from './synthetic-centre';

// The page.evaluate callbacks run in Chromium; the few browser globals they touch, for this file only.
interface PageElement {
  textContent: string | null;
}
declare const window: Record<string, unknown>;
declare const document: { body: unknown; querySelector(selector: string): PageElement | null };
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
declare const requestAnimationFrame: (callback: () => void) => number;

const now = () => performance.timeOrigin + performance.now();
const day = 86_400_000;

async function signInLead(page: Page): Promise<void> {
  const state = page.getByTestId('connection-state');
  await state.filter({ hasText: '未登录服务器' }).waitFor();
  // Typed only once the sign-in dialog has the cursor, or the first letters go nowhere.
  await page.getByLabel('工号').waitFor();
  await page.getByLabel('工号').focus();
  await page.keyboard.type('lead1');
  await page.keyboard.press('Tab');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  try {
    await state.filter({ hasText: /^在线$/ }).waitFor({ timeout: 300_000 });
  } catch (error) {
    const shot = path.join(os.tmpdir(), 'lead-view-sign-in.png');
    await page.screenshot({ path: shot });
    throw new Error(`the lead's workstation did not come online (status "${await state.textContent()}", screen in ${shot})`, {
      cause: error,
    });
  }
}

/**
 * Measure 6, on screen: a centre of its own with `openTickets` open orders from the last 30 days
 * and `agents` agents each holding a live socket; a lead's workstation (the browser host, in
 * Chromium) shows the monitor with its charts. One agent at a time registers a ticket; timed from
 * the push leaving the agent's workstation to the frame after the lead's open count and deadline
 * chart both show it (a MutationObserver in the page, same machine and clock).
 */
export async function measureLeadView(options: {
  clusterUrl: string;
  dir: string;
  seed: number;
  agents: number;
  openTickets: number;
  samples: number;
  log: (line: string) => void;
}): Promise<MeasureResult> {
  const url = await createDatabase(options.clusterUrl, 'lead_view');
  const db = await openPostgres(url);
  const stops: (() => Promise<unknown> | void)[] = [() => db.close()];
  try {
    await migrateServer(db);
    await seedReference(db);
    await seedDemoUsers(db);
    const random = seededRandom(options.seed);
    await copyCentre(url, db, syntheticCentre(random, options.openTickets, new Date(Date.now() - 30 * day)));
    const server = await startCentralServer(url);
    stops.push(server.stop);
    const workstations = await simulatedWorkstations(db, random, options.agents, ['CTR2', 'BNCH']);
    // Fifty at a time: the agents of a shift sign in over minutes, not in one instant (that is measure 4's storm).
    const sockets: WebSocket[] = [];
    stops.push(() => sockets.forEach((ws) => ws.close()));
    for (let i = 0; i < workstations.length; i += 50) {
      sockets.push(...(await Promise.all(workstations.slice(i, i + 50).map((w) => liveSocket(server.url, w.token, w.code)))));
    }
    const host = await startWebHost(path.join(options.dir, 'lead-view'), server.url);
    stops.push(() => void host.child.kill('SIGTERM'));
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(host.url);
    await signInLead(page);
    await page.keyboard.press('Alt+4');
    await page.locator('[data-testid="chart-deadlines-chart"] svg').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid="chart-heat-chart"] svg').waitFor();
    const shown = await page.getByTestId('stat-open-value').textContent();
    let open = Number(shown!.replace(/\D/g, ''));
    if (open < options.openTickets)
      throw new Error(`the lead's monitor shows ${open} open tickets, not the ${options.openTickets} of the centre`);
    options.log(`  lead view: ${open.toLocaleString()} open tickets, ${options.agents} agents connected, charts drawn`);

    await page.evaluate(() => {
      const w = window as unknown as { bench: { open: string | null; chart: string | null; shownAt: number | null } };
      w.bench = { open: null, chart: null, shownAt: null };
      new MutationObserver(() => {
        const { open, chart } = w.bench;
        if (open === null || w.bench.shownAt !== null) return;
        if (document.querySelector('[data-testid="stat-open-value"]')?.textContent !== open) return;
        if (document.querySelector('[data-testid="chart-deadlines"]')?.textContent === chart) return;
        w.bench.open = null;
        // After the next frame is painted: a rAF, then a task.
        requestAnimationFrame(() => setTimeout(() => (w.bench.shownAt = performance.timeOrigin + performance.now())));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const delays: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const agent = workstations[i % workstations.length]!;
      const [event] = offlineTickets(random, agent.code, agent.username, 1, new Date());
      const created = {
        ...event!,
        payload: { ...(event!.payload as { provisionalNo: string }), provisionalNo: `${agent.code}-${String(2000 + i).padStart(6, '0')}` },
      };
      open += 1;
      await page.evaluate((expect) => {
        const chart = document.querySelector('[data-testid="chart-deadlines"]')?.textContent ?? null;
        Object.assign((window as unknown as { bench: object }).bench, { open: expect, chart, shownAt: null });
      }, open.toLocaleString('zh-CN'));
      const started = now();
      await postJson(server.url, '/api/sync/push', { events: [created] }, agent.token);
      const shownAt = await page.waitForFunction(
        () => (window as unknown as { bench: { shownAt: number | null } }).bench.shownAt,
        undefined,
        { timeout: 10_000 },
      );
      delays.push(((await shownAt.jsonValue()) as number) - started);
    }
    return {
      id: 6,
      measure: `lead monitor delay on screen: ${options.agents} agents, ${options.openTickets.toLocaleString()} open orders, charts drawn`,
      detail: `${options.samples} tickets pushed one at a time; push sent → lead's open count and deadline chart redrawn in Chromium`,
      unit: 'ms',
      median: median(delays),
      p99: percentile(delays, 99),
      target: 'p99 < 1 s',
      met: percentile(delays, 99) < 1000,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
