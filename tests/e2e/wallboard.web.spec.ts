import { expect, type Page, test } from '@playwright/test';
import { eventsBy } from '../support/event-builder';
import { login, server } from './support/central-server';
import { screenshotForDocs } from './support/shift-screens';
import { signInIfAsked, signOut } from './support/workstation-page';

const wall = { width: 1920, height: 1080 };
const figure = (page: Page, id: string) =>
  page
    .getByTestId(`${id}-value`)
    .textContent()
    .then((text) => Number(text!.replace(/\D/g, '')));

/** The deadline chart in words ("已超时 377，1 小时内 7，…") as numbers, in band order. */
async function bandCounts(page: Page): Promise<number[]> {
  const summary = await page.getByTestId('chart-deadlines-chart').getAttribute('aria-label');
  return [...summary!.matchAll(/ ([\d,]+)(?=[，,]|$)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
}

test('the monitor charts open work by deadline band and hot spots as a heat map, in both languages; the full-screen key shows the wall', async ({
  page,
}) => {
  await page.goto('/');
  await signInIfAsked(page, 'lead1');
  await page.keyboard.press('Alt+4');
  // The snapshot of the seeded centre's open work takes a few seconds on a busy machine.
  await expect(page.getByTestId('stat-open-value')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('chart-heat-chart').locator('svg rect').first()).toBeVisible();

  // Every open ticket is in one band or counted apart as having no clock.
  const bands = await bandCounts(page);
  expect(bands).toHaveLength(5);
  const noClock = Number((await page.getByTestId('chart-deadlines').textContent())!.match(/另有 ([\d,]+) 张不计时/)![1]!.replace(/,/g, ''));
  expect(bands.reduce((a, b) => a + b, 0) + noClock).toBe(await figure(page, 'stat-open'));
  // The first band is the overdue count the monitor shows on its card.
  expect(bands[0]).toBe(await figure(page, 'stat-overdue'));
  await expect(page.getByTestId('chart-deadlines')).toContainText('未办结工单 按剩余时限');
  await expect(page.getByTestId('chart-deadlines-chart')).toContainText('1 小时内');
  await expect(page.getByTestId('chart-heat')).toContainText('热点：分类 × 区');
  await screenshotForDocs(page, 'monitor-zh');

  // English in the dark theme: the other language and the other theme in one picture.
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByTestId('chart-deadlines')).toContainText('Open tickets by time left');
  await expect(page.getByTestId('chart-deadlines-chart')).toContainText('< 1 h');
  await expect(page.getByTestId('chart-heat')).toContainText('Hot spots: category × district');
  await screenshotForDocs(page, 'monitor-en');
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');

  // The lead's key: the wall layout over the whole window, full screen; Escape leaves it as it was.
  await page.keyboard.press('Alt+Shift+F');
  const board = page.getByTestId('wallboard');
  await expect(board.getByTestId('wall-open-value')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(board.locator('input, button, textarea, [role="tab"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(board).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page.getByTestId('monitor-tab-risk')).toBeVisible();
  await signOut(page);
});

test('#wallboard is a wall screen fitted to 1920×1080: large live figures and charts, nothing to type into, nothing empty', async ({
  page,
}) => {
  await page.setViewportSize(wall);
  await page.goto('/');
  await signInIfAsked(page, 'lead1');
  await page.goto('/#wallboard');
  await page.reload();
  const board = page.getByTestId('wallboard');
  await expect(board.getByTestId('wall-open-value')).toBeVisible({ timeout: 30_000 });
  await expect(board.getByTestId('chart-heat-chart').locator('svg rect').first()).toBeVisible();
  await expect(board.locator('input, button, textarea, select, [role="tab"]')).toHaveCount(0);

  // Fitted: no scrolling, and the figures and panels reach the screen's edges with no empty band.
  expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
  const panels = (await board.getByTestId('wall-panels').boundingBox())!;
  expect(panels.y + panels.height).toBeGreaterThan(wall.height - 40);
  expect(panels.width).toBeGreaterThan(wall.width - 60);
  for (const id of ['chart-deadlines', 'chart-heat']) {
    const box = (await board.getByTestId(id).boundingBox())!;
    expect(box.height).toBeGreaterThan(400);
  }
  // Readable at 5 m: the figures are drawn at least 80 px high.
  const size = await board.getByTestId('wall-open-value').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(80);

  // Live: a ticket an agent registers shows on the wall within a second.
  const open = await figure(page, 'wall-open');
  const today = await figure(page, 'wall-today');
  const agentToken = await login('agent2');
  const pushedAt = Date.now();
  await server('POST', '/api/sync/push', { events: [eventsBy('agent2', 'AG4E').created({ description: '大屏：新工单' })] }, agentToken);
  await expect(board.getByTestId('wall-open-value')).toHaveText((open + 1).toLocaleString('zh-CN'));
  const shownMs = Date.now() - pushedAt;
  await expect(board.getByTestId('wall-today-value')).toHaveText((today + 1).toLocaleString('zh-CN'));
  console.log(`Wallboard: new ticket shown ${shownMs} ms after the push`);
  expect(shownMs).toBeLessThan(1000);

  await expect(board).toContainText('未办结工单 按剩余时限');
  await screenshotForDocs(page, 'wallboard-zh', wall);
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(board).toContainText('Open tickets by time left');
  await expect(board.getByTestId('wall-agents')).toContainText('Available');
  await screenshotForDocs(page, 'wallboard-en', wall);
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('Alt+T');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
  await expect(board).toContainText('未办结工单 按剩余时限');
  // Back to the workstation, signed out, as the other specs expect to find it.
  await page.goto('/');
  await page.reload();
  await signOut(page);
});
