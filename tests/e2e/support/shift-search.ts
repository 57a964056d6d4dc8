import { expect } from '@playwright/test';
import { onCall, type Shift, tabTo } from './shift-call';
import { type Caller, serverTicket } from './shift';

const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

/** Four ways agents and callers write one number: with the country code, grouped, full-width from an IME, without the area code. */
export function fourWays(key: string): string[] {
  if (key.startsWith('010')) {
    const local = key.slice(3);
    const [a, b] = [local.slice(0, 4), local.slice(4)];
    return [`010-${a} ${b}`, `+86 10 ${a} ${b}`, `(010) ${local}`, `${a} ${b}`];
  }
  const [a, b, c] = [key.slice(0, 3), key.slice(3, 7), key.slice(7)];
  return [`+86 ${a} ${b} ${c}`, `0086-${key}`, `${a}-${b}-${c}`, fullWidth(`${a} ${b} ${c}`)];
}

/**
 * A caller rings from another phone about tickets registered under her own number: Alt+S, the
 * number as she says it, written four ways; each finds exactly the tickets the server lists for
 * that number. Enter opens the first in the ticket view (its fields and timeline as the server
 * holds them); Escape goes back to the result row.
 */
export async function ticketFoundByPhone(shift: Shift, phone: string, callers: Caller[]) {
  const { page } = shift;
  const search = page.getByTestId('ticket-search');
  const rows = page.getByTestId('search-results-row');
  await onCall(shift, phone, 'ticket found by phone', async () => {
    for (const caller of callers) {
      const expected = caller.tickets.map((t) => t.ticketId).sort();
      await page.keyboard.press('Alt+s');
      await expect(search).toBeFocused();
      for (const written of fourWays(caller.key)) {
        await page.keyboard.press('Control+a');
        await page.keyboard.type(written);
        await expect(search).toHaveValue(written);
        await expect
          .poll(async () => (await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-ticket-id')))).sort(), {
            message: `"${written}" finds the tickets of ${caller.key}`,
          })
          .toEqual(expected);
        await expect(page.getByTestId('search-count')).toHaveText(`共 ${expected.length} 张工单`);
      }
      await tabTo(page, rows.first());
      const id = (await rows.first().getAttribute('data-ticket-id'))!;
      await page.keyboard.press('Enter');
      const view = page.getByTestId('ticket-view');
      const { ticket, events } = await serverTicket(id, shift.token);
      await expect(view.getByTestId('ticket-description')).toHaveText(ticket.fields.description);
      if (ticket.officialNo) await expect(view).toContainText(ticket.officialNo);
      await expect(view.getByTestId('work-status')).toBeVisible();
      await expect
        .poll(async () =>
          (await view.getByTestId('timeline-entry').evaluateAll((all) => all.map((e) => e.getAttribute('data-type')))).sort(),
        )
        .toEqual(events.map((e) => e.event.type).sort());
      await page.keyboard.press('Escape');
      await expect(view).toHaveCount(0);
      await expect(rows.first()).toBeFocused();
    }
  });
}
