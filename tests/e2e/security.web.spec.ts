import { expect, test } from '@playwright/test';
import { demoPassword } from '../../src/server/seed/demo-password';
import { freshIntake, signOut, typeIntake } from './support/workstation-page';

/** What a hostile caller's words or a walk-away agent could do to the page, in Chromium, keyboard only. */
test('HTML and script typed into a ticket show as text and never run', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  const marker = `${Date.now()}`.slice(-6);
  const hostile = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script><b>粗体${marker}</b>`;
  await page.keyboard.type(`1390000${marker.slice(0, 4)}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`<i>王</i>${marker}`);
  await page.keyboard.press('Tab');
  await typeIntake(page, { requestType: '1', description: hostile });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/已登记工单 E2E2-\d{6}/)).toBeVisible();

  // In the caller's history beside the form, and in search results.
  const historyRow = page.getByTestId('caller-history-row').filter({ hasText: `粗体${marker}` });
  await expect(historyRow).toContainText(`<b>粗体${marker}</b>`);
  await page.keyboard.press('Alt+s');
  await page.keyboard.type(marker);
  const found = page.getByTestId('search-results-row').filter({ hasText: marker });
  await expect(found.first()).toContainText(`<script>window.__pwned='script'</script>`);

  expect(await page.locator('img[src="x"], b:text("粗体"), i:text("王")').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});

test('the screen locks by key, stays locked through a reload, and opens only with the password', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  await page.keyboard.type('13800001111');
  await page.keyboard.press('Alt+Shift+L');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('field-callerPhone')).toHaveCount(0); // nothing of the panes stays in the page
  await expect(page.getByLabel('密码')).toBeFocused();

  await page.reload();
  await expect(lock).toBeVisible();
  await expect(page.getByTestId('field-callerPhone')).toHaveCount(0);
  await expect(page.getByLabel('密码')).toBeFocused();

  await page.keyboard.type('wrong-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('密码错误。');
  await expect(lock).toBeVisible();
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(page.getByTestId('connection-state')).toHaveText('在线');
  // The number typed before the lock was in the saved draft and is back.
  await expect(page.getByTestId('field-callerPhone')).toHaveValue('13800001111');
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
