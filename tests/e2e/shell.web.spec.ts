import { expect, test } from '@playwright/test';
import { forbidMouse } from './support/workstation-page';

/** The shell by keyboard alone, in Chromium against the browser host. */
test('switches language, opens the palette and runs an action, by keyboard only', async ({ page }) => {
  const mouseUsed = await forbidMouse(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: '12345 热线坐席工作台' })).toBeVisible();
  await expect(page.getByTestId('outbox-size')).toHaveText('待同步 0 条');

  // The server is configured and nobody is signed in: the sign-in dialog asks at once.
  await expect(page.getByTestId('connection-state')).toHaveText('未登录服务器');
  await expect(page.getByLabel('工号')).toBeFocused();
  await page.keyboard.type('agent1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('工号或密码错误。');
  await expect(page.getByLabel('密码')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('hotline12345');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in')).toBeHidden();
  await expect(page.getByTestId('signed-in-user')).toHaveText('张敏（坐席）');
  await expect(page.getByTestId('connection-state')).toHaveText('在线');
  await expect(page.getByTestId('last-sync')).not.toHaveText('上次同步：从未');

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

  expect(mouseUsed()).toBe(false);
});

test('the page loads with no console errors and no CSP violations', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('connection-state')).toBeVisible();
  expect(problems).toEqual([]);
});
