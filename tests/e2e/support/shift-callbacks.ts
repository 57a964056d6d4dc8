import { expect, type Page } from '@playwright/test';
import { type Shift, tabTo, timedKey } from './shift-call';
import { serverTicket } from './shift';

const satisfactionOf = { '1': 'satisfied', '2': 'basically_satisfied', '3': 'unsatisfied' } as const;

/**
 * Callbacks with each satisfaction, from the callback list (待回访) of the seeded centre's backlog:
 * one ticket reached by Page Down and arrows, one found through the list's search box, one at the
 * far end (End). Alt+W puts the cursor on the form's first field, a digit chooses the satisfaction
 * (there is no default), the note is typed, Alt+Enter records; the server holds each as chosen.
 */
export async function callbacksWithEachSatisfaction(shift: Shift) {
  const { page } = shift;
  const list = page.getByTestId('work-list');
  const search = page.getByTestId('work-search');
  await openCallbackList(page);

  const done: string[] = [];
  const callBack = async (key: '1' | '2' | '3', pick: () => Promise<void>) => {
    await pick();
    // The row under the cursor is loaded and selected: its ticket is the one the form is for.
    let id = '';
    await expect
      .poll(async () => {
        const row = await list.getAttribute('aria-activedescendant');
        id = row?.replace(/^work-row-/, '') ?? '';
        return !!row && (await page.locator(`#${row}`).getAttribute('aria-selected')) === 'true';
      })
      .toBe(true);
    expect(done).not.toContain(id);
    const before = await serverTicket(id, shift.token);
    expect(before.ticket.status).toBe('feedback');
    await expect(page.getByTestId('ticket-description')).toHaveText(before.ticket.fields.description);
    await expect(page.getByTestId('callback-form')).toBeVisible();
    await page.keyboard.press('Alt+w');
    await expect(page.getByTestId('satisfaction-satisfied')).toBeFocused();
    await page.keyboard.press(key);
    await expect(page.getByTestId(`satisfaction-${satisfactionOf[key]}`)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('callback-note')).toBeFocused();
    const note = `回访：市民对处理结果的意见${key}`;
    await page.keyboard.type(note);
    const number = before.ticket.officialNo ?? before.ticket.provisionalNo;
    await timedKey(shift, `callback ${satisfactionOf[key]}`, 'Alt+Enter', 'body', new RegExp(`工单 ${number} 的回访已记录`));
    shift.calls.callbacks++;
    done.push(id);
    await expect
      .poll(async () => {
        const { events } = await serverTicket(id, shift.token);
        return events.filter((e) => e.event.type === 'callback_recorded').map((e) => ({ actor: e.event.actor, payload: e.event.payload }));
      })
      .toEqual([{ actor: 'agent1', payload: { satisfaction: satisfactionOf[key], note } }]);
    const after = (await serverTicket(id, shift.token)).ticket;
    expect(after.satisfaction).toBe(satisfactionOf[key]);
    if (key !== '3') expect(after.status).toBe('closed');
    else expect(after.status).not.toBe('closed');
  };

  await callBack('1', async () => {
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
  });
  // A ticket deep in the backlog, found by its number in the list's search box.
  const wanted = shift.census.entries.filter((e) => e.status === 'feedback' && !done.includes(e.ticketId)).at(-1)!;
  await callBack('2', async () => {
    await tabTo(page, search, 'Shift+Tab', 60);
    await page.keyboard.type(wanted.officialNo);
    await expect(page.getByTestId('work-count')).toHaveText(/^筛选出 1 张，共 \d+ 张$/);
    await tabTo(page, list);
    await page.keyboard.press('Home');
    await expect(list).toHaveAttribute('aria-activedescendant', `work-row-${wanted.ticketId}`);
  });
  await callBack('3', async () => {
    await tabTo(page, search, 'Shift+Tab', 60);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('work-count')).toHaveText(/^共 \d+ 张$/);
    await tabTo(page, list);
    await page.keyboard.press('End');
  });
}

/** Alt+3, then the list tabs by Shift+Tab and → to 待回访; checks the backlog's count; ends with the cursor on the list. */
export async function openCallbackList(page: Page) {
  const list = page.getByTestId('work-list');
  await page.keyboard.press('Alt+3');
  await expect(list).toBeFocused();
  // From the list back to the list tabs, then → to 待回访 (a tab moves by arrows, as radio buttons do).
  await tabTo(page, page.getByTestId('work-lists').locator('input:checked'), 'Shift+Tab');
  const callbackTab = page.getByRole('radio', { name: /^待回访 \d+$/ });
  await expect(callbackTab).toHaveCount(1, { timeout: 20_000 });
  for (let i = 0; i < 3 && !(await callbackTab.isChecked()); i++) await page.keyboard.press('ArrowRight');
  await expect(callbackTab).toBeChecked();
  // The seeded backlog is all there, counted on its tab and above the list.
  const tabLabel = await callbackTab.evaluate((input: HTMLInputElement) => input.labels?.[0]?.textContent ?? '');
  const backlog = Number(/^待回访 (\d+)$/.exec(tabLabel)?.[1]);
  expect(backlog).toBeGreaterThanOrEqual(1000);
  await expect(page.getByTestId('work-count')).toHaveText(`共 ${backlog} 张`, { timeout: 20_000 });
  await tabTo(page, list);

  return backlog;
}
