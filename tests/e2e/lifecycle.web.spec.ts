import { expect, test } from '@playwright/test';
import { freshIntake, signOut, typeIntake } from './support/workstation-page';

/**
 * The work-order lifecycle, keyboard only: intake → routing accepted with the proposed unit → a (simulated) unit
 * accepts and reports back → the callback is recorded as satisfied (chosen, never a default) → closed; every step is in the
 * ticket's timeline on the workstation.
 */
test('a ticket goes from intake through dispatch, the unit and the callback to closed', async ({ page }) => {
  test.setTimeout(120_000);
  const mouseUsed = await freshIntake(page);
  await page.keyboard.type('13700001234');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeIntake(page, {
    requestType: '3',
    category: 'swbdb',
    district: 'cy',
    street: 'js',
    address: '劲松一区8号楼',
    description: '暖气片冰凉，屋里只有十二度',
  });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/已登记工单 E2E2-\d{6}/).last()).toBeVisible();

  // One key from intake: the ticket just registered, with the rule matrix's proposal and its reason.
  await page.keyboard.press('Alt+3');
  const detail = page.getByTestId('work-detail');
  await expect(detail).toContainText('暖气片冰凉');
  await expect(page.getByTestId('route-reason')).toHaveText(
    '朝阳区 / 劲松街道 + 室温不达标 → 北京市热力集团（按分类派至专业单位，规则 heating.temperature@*）',
  );
  await expect(page.getByTestId('deadline').first()).toContainText('派单');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByText(/工单 .* 已派出/).last()).toBeVisible();

  // The simulated heating company accepts, then reports back; the workstation hears it live.
  await expect(page.getByTestId('work-status')).toHaveText('已反馈', { timeout: 30_000 });
  await expect(page.getByTestId('callback-form')).toContainText('北京市热力集团 反馈');
  // Nothing is chosen for the agent: one key into the form, one digit for the satisfaction, Alt+Enter records it.
  await page.keyboard.press('Alt+w');
  await page.keyboard.press('1');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('work-status')).toHaveText('已办结');

  const steps = detail.getByTestId('timeline-entry');
  await expect(steps).toHaveText([/^登记/, /^编号/, /^派单/, /^承办单位签收/, /^承办单位反馈/, /^回访.*满意/]);
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});

test('a question answered from the knowledge base closes the call as a direct answer', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  await page.keyboard.type('13700005678');
  await page.keyboard.press('Alt+k');
  await expect(page.getByTestId('picker-kb')).toBeVisible();
  await page.keyboard.type('室温');
  // Ranked by the core: the article with 室温 in its title first, other heating articles after it.
  await expect(page.getByTestId('picker-kb').getByRole('option').first()).toHaveText(/^居民室温标准/);
  await page.keyboard.press('Enter');
  const notice = page.getByText(/已按知识库直接答复并办结 E2E2-\d{6}/).last();
  await expect(notice).toBeVisible();
  const number = /E2E2-\d{6}/.exec((await notice.textContent())!)![0];
  await page.keyboard.press('Alt+s');
  await page.keyboard.type(number);
  await expect(page.getByTestId('search-results-row').filter({ hasText: '已办结' }).filter({ hasText: '咨询：居民室温标准' })).toHaveCount(
    1,
  );
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
