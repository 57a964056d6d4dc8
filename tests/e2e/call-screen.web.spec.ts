import { expect, type Page, test } from '@playwright/test';
import { eventsBy } from '../support/event-builder';
import { login, server } from './support/central-server';
import { forbidMouse, signInIfAsked, signOut, typeIntake } from './support/workstation-page';

/**
 * The agent's call screen in Chromium against the browser host, keyboard only: a call pops, the
 * caller's history shows, a ticket is taken and appears in that history; a closed page keeps its draft.
 */

/** Counts trusted key presses made while the focus is not in a free-text field, and any mouse use. */
async function watchInput(page: Page) {
  const mouseUsed = await forbidMouse(page);
  await page.addInitScript(() => {
    const w = window as unknown as { structuredKeys: string[] };
    w.structuredKeys = [];
    window.addEventListener(
      'keydown',
      (event) => {
        const target = event.target as Element | null;
        if (event.isTrusted && !target?.closest?.('[data-free-text]')) w.structuredKeys.push(event.key);
      },
      true,
    );
  });
  return {
    mouseUsed,
    structuredKeys: () => page.evaluate(() => (window as unknown as { structuredKeys: string[] }).structuredKeys),
    resetKeys: () => page.evaluate(() => void ((window as unknown as { structuredKeys: string[] }).structuredKeys.length = 0)),
  };
}

test("a simulated call pops with the caller's history; a ticket is taken by keyboard and joins that history", async ({ page }) => {
  const input = await watchInput(page);
  // Two earlier tickets from this caller, registered by a colleague on another workstation.
  const phone = `139${String(Date.now()).slice(-8)}`;
  const colleague = eventsBy('agent2', 'E2E3');
  await server(
    'POST',
    '/api/sync/push',
    {
      events: [
        colleague.created({ callerPhone: phone, description: '小区暖气不热，室温十六度' }),
        colleague.created({ callerPhone: `+86 ${phone}`, description: '楼道灯不亮' }),
      ],
    },
    await login('agent2'),
  );

  await page.goto('/');
  await signInIfAsked(page);

  const admin = await login('admin');
  const { token } = await server<{ token: string }>('POST', '/api/admin/cti-switches', { name: 'e2e-switch' }, admin);
  const callId = `e2e-${Date.now()}`;
  const cti = (event: Record<string, unknown>) =>
    server('POST', `/api/cti/${token}`, { from: `0086${phone}`, to: '12345', direction: 'in', callId, ...event });
  await cti({ event: 'newCall', user: ['agent1'] });
  await cti({ event: 'answer', answeringNumber: '8001' });
  try {
    await takeTheCall(page, phone, input);
  } finally {
    await cti({ event: 'hangup', cause: 'normalClearing' });
  }
});

async function takeTheCall(page: Page, phone: string, input: Awaited<ReturnType<typeof watchInput>>) {
  // The pop: the intake is in front with the number filled in, the two earlier tickets beside it.
  await expect(page.getByTestId('current-call')).toContainText('通话中');
  await expect(page.getByTestId('field-callerPhone')).toHaveValue(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  await expect(page.getByTestId('caller-history-row')).toHaveCount(2);
  await expect(page.getByTestId('repeat-caller')).toBeVisible();
  await expect(page.getByTestId('field-requestType')).toBeFocused();
  await input.resetKeys(); // count from the pop: the sign-in is not part of the call

  // The form, in Tab order: type 3 (complaint), category by initials, urgency as is,
  // district `cy` (朝阳区), street `js` (劲松), then the free text.
  await typeIntake(page, {
    requestType: '3',
    category: 'swbdb',
    district: 'cy',
    street: 'js',
    address: '劲松三区5号楼2单元',
    description: '暖气片一直冰凉，家里只有十五度，老人怕冷。',
    wants: '尽快派人检修',
  });
  await expect(page.getByTestId('field-requestType')).toHaveValue('3 投诉');
  await expect(page.getByTestId('field-category')).toHaveValue('供暖 › 室温不达标');
  await expect(page.getByTestId('field-district')).toHaveValue('朝阳区');
  await expect(page.getByTestId('field-street')).toHaveValue('劲松街道');
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText(/已登记工单 E2E2-\d{6}/)).toBeVisible();
  await expect(page.getByTestId('caller-history-row')).toHaveCount(3);
  await expect(page.getByTestId('caller-history-row').filter({ hasText: '暖气片一直冰凉' })).toBeVisible();
  await expect(page.getByTestId('field-description')).toHaveValue('');

  // The same ticket is found by search, one Chinese character is enough.
  await page.keyboard.press('Alt+s');
  await expect(page.getByTestId('ticket-search')).toBeFocused();
  await page.keyboard.type('怕');
  await expect(page.getByTestId('search-results-row').filter({ hasText: '暖气片一直冰凉' })).toBeVisible();

  const keys = await input.structuredKeys();
  console.log(
    `Keystrokes outside free-text fields, from the pop to the submitted ticket, then a search: ${keys.length} (${keys.join(' ')})`,
  );
  expect(input.mouseUsed()).toBe(false);
}

test('a page closed mid-typing gets its draft back when reopened', async ({ page, context }) => {
  await page.goto('/');
  await signInIfAsked(page);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  await page.keyboard.type('010-65123456');
  await page.getByTestId('field-description').focus();
  await page.keyboard.type('市民反映小区门口路灯坏了一半');
  await expect(page.getByTestId('draft-saved')).toContainText('草稿已保存');
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto('/');
  await expect(reopened.getByTestId('field-description')).toHaveValue('市民反映小区门口路灯坏了一半');
  await expect(reopened.getByTestId('field-callerPhone')).toHaveValue('010-65123456');

  await signOut(reopened);
});
