import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Ticket } from '../../src/shared/domain/ticket';
import type { SequencedEvent } from '../../src/shared/server-api/sync';
import { login, server } from './support/central-server';
import { freshIntake, signOut, typeIntake } from './support/workstation-page';

/**
 * Each step of the hotline's side, keyboard only, with a choice that is not the one offered first —
 * and each checked on the central server, not only on screen.
 */
type ServerTicket = { ticket: Ticket; events: SequencedEvent[] };

// Each waits for the simulated unit, over a real server and sync: generous on a busy machine.
test.describe.configure({ timeout: 120_000 });

let token = '';
test.beforeAll(async () => {
  token = await login('lead1');
});

const onServer = (id: string) => server<ServerTicket>('GET', `/api/tickets/${id}`, undefined, token);

/** Registers a heating complaint at 劲松 by keyboard; returns its provisional number. */
async function registerHeatingComplaint(page: Page, description: string, before?: (page: Page) => Promise<void>) {
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  await page.keyboard.type('13700002468');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeIntake(page, { requestType: '3', category: 'swbdb', district: 'cy', street: 'js', address: '劲松二区5号楼', description });
  if (before) await before(page);
  await page.keyboard.press('Control+Enter');
  const notice = page.getByText(/已登记工单 E2E2-\d{6}/).last();
  await expect(notice).toBeVisible();
  return /E2E2-\d{6}/.exec((await notice.textContent())!)![0];
}

/** The server's id of a ticket by its provisional number, once it is there. */
async function serverId(provisionalNo: string): Promise<string> {
  let found: Ticket | undefined;
  await expect
    .poll(async () => {
      const { tickets } = await server<{ tickets: Ticket[] }>('GET', '/api/tickets?limit=200', undefined, token);
      found = tickets.find((t) => t.provisionalNo === provisionalNo);
      return !!found;
    })
    .toBe(true);
  return found!.id;
}

/** Tab until the element has the cursor: the keyboard's way there, whatever lies between. */
async function tabTo(page: Page, target: Locator, most = 12) {
  for (let i = 0; i < most && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

const lastOf = (events: SequencedEvent[], type: string) => events.filter((e) => e.event.type === type).at(-1)?.event;

/** Opens the ticket just registered in the work pane, and dispatches it to the proposed unit. */
async function dispatchAsProposed(page: Page) {
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('dispatch-unit')).toHaveText(['主办 · 北京市热力集团'], { timeout: 20_000 });
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByText(/工单 .* 已派出/).last()).toBeVisible();
}

test('dispatch to a unit the rule did not propose, with it as the lead', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  const number = await registerHeatingComplaint(page, '暖气不热，楼里的管道归街道管');
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('dispatch-unit')).toHaveText(['主办 · 北京市热力集团'], { timeout: 20_000 });
  await page.keyboard.press('Alt+w');
  await expect(page.locator('#work-category')).toBeFocused();
  await tabTo(page, page.locator('#work-add-unit'));
  await page.keyboard.type('劲松街道');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('dispatch-unit')).toHaveText(['主办 · 北京市热力集团', '劲松街道办事处']);
  await tabTo(page, page.getByTestId('routing-form').getByRole('radio', { name: '北京市热力集团' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('dispatch-unit')).toHaveText(['北京市热力集团', '主办 · 劲松街道办事处']);
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByText(/工单 .* 已派出/).last()).toBeVisible();

  const id = await serverId(number);
  await expect
    .poll(async () => lastOf((await onServer(id)).events, 'dispatched')?.payload)
    .toEqual({
      unitCodes: ['company:heating', 'street:110105017'],
      leadUnitCode: 'street:110105017',
    });
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});

for (const [key, satisfaction, status] of [
  ['1', 'satisfied', 'closed'],
  ['2', 'basically_satisfied', 'closed'],
  ['3', 'unsatisfied', 'dispatched'],
] as const) {
  test(`a callback recorded as ${satisfaction} with the agent's note`, async ({ page }) => {
    const mouseUsed = await freshIntake(page);
    const number = await registerHeatingComplaint(page, `暖气不热，回访${key}`);
    await dispatchAsProposed(page);
    await expect(page.getByTestId('callback-form')).toBeVisible({ timeout: 30_000 });

    // Alt+Enter with nothing chosen records nothing: it says so and puts the cursor on the choice.
    await page.keyboard.press('Alt+Enter');
    await expect(page.getByTestId('satisfaction-missing')).toBeVisible();
    await expect(page.getByTestId('satisfaction-satisfied')).toBeFocused();
    await page.keyboard.press(key);
    await expect(page.getByTestId(`satisfaction-${satisfaction}`)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('callback-note')).toBeFocused();
    await page.keyboard.type(`市民回访意见${key}`);
    await page.keyboard.press('Alt+Enter');
    await expect(page.getByText(/工单 .* 的回访已记录/).last()).toBeVisible();

    const id = await serverId(number);
    await expect
      .poll(async () => lastOf((await onServer(id)).events, 'callback_recorded')?.payload)
      .toEqual({
        satisfaction,
        note: `市民回访意见${key}`,
      });
    expect((await onServer(id)).ticket).toMatchObject({ satisfaction });
    if (status === 'closed') expect((await onServer(id)).ticket.status).toBe('closed');
    expect(mouseUsed()).toBe(false);
    await signOut(page);
  });
}

test('an extension refused, with the reason the unit reads', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  const number = await registerHeatingComplaint(page, '暖气不热，单位要延期');
  await dispatchAsProposed(page);
  const id = await serverId(number);
  await expect.poll(async () => (await onServer(id)).ticket.status, { intervals: [100] }).toBe('accepted');
  const unit = await login('unit.heating');
  await server('POST', `/api/units/tickets/${id}/extension`, { hours: 48, reason: '需要更换主管道' }, unit);

  await expect(page.getByTestId('extension-form')).toContainText('需要更换主管道', { timeout: 15_000 });
  await page.keyboard.press('Alt+w');
  await expect(page.getByTestId('extension-decision-approve')).toBeFocused();
  await page.keyboard.press('2');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('extension-note')).toBeFocused(); // a refusal needs its reason
  await page.keyboard.type('主管道更换可在时限内完成');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByText(/工单 .* 的延期申请未同意/).last()).toBeVisible();

  await expect
    .poll(async () => lastOf((await onServer(id)).events, 'extension_decided')?.payload)
    .toEqual({
      approved: false,
      note: '主管道更换可在时限内完成',
    });
  expect((await onServer(id)).ticket.extensionHours).toBe(0);
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});

test('a duplicate merged into its original, then the merge undone', async ({ page }) => {
  const mouseUsed = await freshIntake(page);
  const originalNo = await registerHeatingComplaint(page, '劲松二区5号楼暖气不热，合并测试');
  const repeatNo = await registerHeatingComplaint(page, '劲松二区5号楼暖气不热，合并测试', async () => {
    // Shown by official number once the server numbered it: the same text at 100%.
    await expect(page.getByTestId('likely-duplicates')).toContainText('100%');
    await page.keyboard.press('Alt+d');
    await expect(page.getByTestId('picker-duplicate').getByRole('option').first()).toContainText('合并测试');
    await page.keyboard.press('Enter');
  });
  const originalId = await serverId(originalNo);
  const repeatId = await serverId(repeatNo);
  await expect.poll(async () => (await onServer(repeatId)).ticket.duplicateOf).toBe(originalId);
  const originalBefore = (await onServer(originalId)).ticket;

  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('work-detail')).toContainText((await onServer(repeatId)).ticket.officialNo ?? repeatNo, {
    timeout: 20_000,
  });
  await expect(page.getByTestId('merge')).toBeVisible();
  await page.keyboard.press('Alt+w');
  await tabTo(page, page.getByTestId('merge'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('merge-confirm')).toBeFocused();
  await page.keyboard.press('Escape'); // Esc closes without merging
  await expect(page.getByTestId('merge-dialog')).toBeHidden();
  await expect(page.getByTestId('work-status')).toHaveText('已登记');
  await expect(page.getByTestId('merge')).toBeFocused(); // the cursor is back where it was
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('merge-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('work-status')).toHaveText('已办结');
  await expect(page.getByTestId('merged-into')).toHaveText(`已合并到 ${originalBefore.officialNo ?? originalNo}`);
  await expect
    .poll(async () => (await onServer(repeatId)).ticket)
    .toMatchObject({ status: 'closed', resolution: 'merged', mergedInto: originalId });

  await page.keyboard.press('Alt+w');
  await expect(page.getByTestId('unmerge')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unmerge-reason')).toBeFocused();
  await page.keyboard.type('不是同一户，分开办理');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('work-status')).toHaveText('已登记');
  await expect(page.getByTestId('timeline-entry').last()).toContainText('撤销合并');
  await expect(page.getByTestId('timeline-entry').last()).toContainText('不是同一户，分开办理');

  await expect
    .poll(async () => (await onServer(repeatId)).ticket)
    .toMatchObject({
      status: 'registered',
      resolution: null,
      mergedInto: null,
      duplicateOf: originalId,
    });
  const { events } = await onServer(repeatId);
  expect(events.map((e) => e.event.type).slice(-2)).toEqual(['closed', 'unmerged']);
  expect(lastOf(events, 'unmerged')).toMatchObject({ actor: 'agent1', payload: { reason: '不是同一户，分开办理' } });
  expect((await onServer(originalId)).ticket).toEqual(originalBefore);
  expect(mouseUsed()).toBe(false);
  await signOut(page);
});
