import { expect, test } from '@playwright/test';
import { eventsBy } from '../support/event-builder';
import { login, server } from './support/central-server';
import { freshIntake, signOut } from './support/workstation-page';

/**
 * The one ticket view, keyboard only: a ticket found by search opens by Enter with who did what by
 * name, Esc goes back to the row it came from; the caller's history at intake opens the same view.
 */
test('a ticket found by search opens by Enter, Back returns to its row, and the caller history opens the same view', async ({ page }) => {
  test.setTimeout(90_000);
  const phone = `137${String(Date.now()).slice(-8)}`;
  const colleague = eventsBy('agent2', 'E2E4');
  await server(
    'POST',
    '/api/sync/push',
    {
      events: [
        colleague.created({ callerPhone: phone, description: '单元门禁坏了，老人进不了楼' }),
        colleague.created({ callerPhone: phone, description: '楼下餐馆油烟很大' }),
      ],
    },
    await login('agent2'),
  );

  const mouseUsed = await freshIntake(page);
  await page.keyboard.press('Alt+s');
  await page.keyboard.type(phone);
  const rows = page.getByTestId('search-results-row');
  await expect(rows).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByTestId('search-count')).toHaveText('共 2 张工单');
  await page.keyboard.press('Tab');
  await expect(rows.first()).toBeFocused();
  const description = (await rows.first().textContent())!.includes('门禁') ? '单元门禁坏了，老人进不了楼' : '楼下餐馆油烟很大';
  await page.keyboard.press('Enter');

  const view = page.getByTestId('ticket-view');
  await expect(view.getByTestId('ticket-description')).toHaveText(description);
  // agent2 registered it: the timeline names her colleague, not a username.
  await expect(view.getByTestId('timeline-actor').first()).toHaveText('李强');
  await expect(view.getByTestId('timeline-entry')).toHaveText([/^登记/, /^编号/]);
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(rows.first()).toBeFocused();

  // The same ticket from the caller's history beside the intake form.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await page.keyboard.type(phone);
  const history = page.getByTestId('caller-history-row');
  await expect(history).toHaveCount(2);
  const row = history.filter({ hasText: description });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(view.getByTestId('ticket-description')).toHaveText(description);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(view).toHaveCount(0);
  await expect(row).toBeFocused();
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
