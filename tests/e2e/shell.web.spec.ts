import { expect, test } from '@playwright/test';

/** The shell by keyboard alone, in Chromium against the browser host. */
test('switches language, opens the palette and runs an action, by keyboard only', async ({ page }) => {
  let mouseUsed = false;
  await page.exposeFunction('reportMouse', () => (mouseUsed = true));
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'click'] as const) {
      window.addEventListener(type, (event) => event.isTrusted && (window as unknown as { reportMouse(): void }).reportMouse(), true);
    }
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '12345 热线坐席工作台' })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveText('未配置服务器，本机独立工作');
  await expect(page.getByTestId('outbox-size')).toHaveText('待同步 0 条');

  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('heading', { name: 'Hotline Workstation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.keyboard.press('Control+k');
  const search = page.getByPlaceholder('Search actions…');
  await expect(search).toBeFocused();
  await page.keyboard.type('queue');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pane-monitor')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Queue monitor' })).toBeVisible();

  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcut-help')).toContainText('Switch language');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toBeHidden();

  // The language lives in the workstation core, not the page: it survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hotline Workstation' })).toBeVisible();
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('heading', { name: '12345 热线坐席工作台' })).toBeVisible();

  expect(mouseUsed).toBe(false);
});

test('the page loads with no console errors and no CSP violations', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('connection-state')).toBeVisible();
  expect(problems).toEqual([]);
});
