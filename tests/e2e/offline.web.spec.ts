import { expect, test } from '@playwright/test';
import { proxyControlPort } from '../../playwright.config';
import { forbidMouse, signInIfAsked, signOut, typeIntake } from './support/workstation-page';

/**
 * Local-first, in the browser, keyboard only: with the server gone the agent keeps taking
 * tickets under provisional numbers, sees them waiting, and they get official numbers when it returns.
 */
const server = (state: 'up' | 'down') => fetch(`http://127.0.0.1:${proxyControlPort}/${state}`, { method: 'POST' });

test('three tickets taken while the server is down get official numbers when it is back', async ({ page }) => {
  test.setTimeout(90_000);
  const mouseUsed = await forbidMouse(page);
  await page.goto('/');
  await signInIfAsked(page);
  const word = `停电${Date.now().toString(36).slice(-4)}`;
  try {
    await server('down');
    const provisional: string[] = [];
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('Alt+1');
      await page.keyboard.press('Alt+n');
      await expect(page.getByTestId('field-callerPhone')).toBeFocused();
      await page.keyboard.type(`1360000000${i}`);
      await page.keyboard.press('Enter'); // → name
      await page.keyboard.press('Enter'); // → request type
      await typeIntake(page, { requestType: '2', description: `${word} 第${i}户家里没电了` });
      await page.keyboard.press('Control+Enter');
      const notice = page.getByText(/已登记工单 E2E2-\d{6}/).last();
      await expect(notice).toBeVisible();
      provisional.push(/E2E2-\d{6}/.exec((await notice.textContent())!)![0]);
    }
    await expect(page.getByTestId('connection-state')).toHaveText('服务器不可达，离线工作');
    await expect(page.getByTestId('outbox-size')).toHaveText('待同步 3 条');

    // Offline, the tickets are there under their provisional numbers, marked as not yet synced.
    await page.keyboard.press('Alt+s');
    await page.keyboard.type(word);
    const rows = page.getByTestId('search-results-row');
    await expect(rows).toHaveCount(3);
    for (const number of provisional) await expect(rows.filter({ hasText: number }).filter({ hasText: '待同步' })).toHaveCount(1);

    await server('up');
    await expect(page.getByTestId('outbox-size')).toHaveText('待同步 0 条', { timeout: 45_000 });
    await expect(page.getByTestId('connection-state')).toHaveText('在线');
    // Each row now shows its official number (date + daily sequence) and nothing pending.
    await expect(rows.filter({ hasText: /^\d{13,}/ })).toHaveCount(3);
    await expect(rows.filter({ hasText: '待同步' })).toHaveCount(0);
    console.log(
      `Offline tickets ${[...provisional].reverse().join(', ')} → ${(await rows.locator('td:first-child p').allTextContents()).join(', ')}`,
    );
  } finally {
    await server('up');
  }
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
