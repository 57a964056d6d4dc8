import { expect } from '@playwright/test';
import { formatPhone } from '../../../src/shared/domain/phone';
import { type Complaint, expectRegistered, onCall, type Registered, type Shift, submitAndFetch, typeComplaint } from './shift-call';
import { shownAt } from './shift';

/**
 * A pop while typing: the agent is still typing the last caller's description when the next call
 * rings and pops. The draft is parked (the notice names Alt+Shift+D), the new caller's intake
 * opens and is registered; then Alt+Shift+D brings the parked draft back (↑/↓ to it, Enter), the
 * agent finishes it and submits. Both tickets on the server: the right caller, the whole text.
 */
export async function popWhileTyping(shift: Shift, typing: Complaint, next: Complaint) {
  const { page } = shift;
  const description = page.getByTestId('field-description');
  const [duringCall, afterHangUp] = [Math.floor(typing.description.length / 3), Math.floor((typing.description.length * 2) / 3)];
  await onCall(shift, typing.phone, 'pop while typing: first caller', async () => {
    await typeComplaint(shift, typing, duringCall);
  });
  // The caller has hung up; the agent is still typing the description when the next call rings.
  await page.keyboard.type(typing.description.slice(duringCall, afterHangUp));
  await expect(description).toBeFocused();
  await expect(description).toHaveValue(typing.description.slice(0, afterHangUp));

  const parkedNotice = new RegExp(`${formatPhone(typing.phone).replace(/\s/g, '\\s')} 的草稿已放进草稿列表，按 Alt \\+ Shift \\+ D 找回`);
  const parked = shownAt(page, 'body', parkedNotice);
  let second: Registered | undefined;
  await onCall(shift, next.phone, 'pop while typing: next caller', async () => {
    await parked;
    await expect(description).toHaveValue('');
    await typeComplaint(shift, next);
    second = await submitAndFetch(shift, 'pop while typing: next caller');
  });
  expectRegistered(second!, next);

  await page.keyboard.press('Alt+Shift+D');
  const list = page.getByTestId('drafts-list');
  await expect(page.getByRole('dialog').getByRole('textbox')).toBeFocused();
  const wanted = list.getByRole('option').filter({ hasText: formatPhone(typing.phone) });
  await expect(wanted).toHaveCount(1);
  await expect(wanted).toContainText(typing.description.slice(0, 10));
  const options = list.getByRole('option');
  const from = await options.evaluateAll((all) => all.findIndex((o) => o.getAttribute('aria-selected') === 'true'));
  const to = await options.evaluateAll((all, phone) => all.findIndex((o) => o.textContent?.includes(phone)), formatPhone(typing.phone));
  for (let i = from; i !== to; i += Math.sign(to - from)) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(wanted).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(description).toBeFocused();
  await expect(description).toHaveValue(typing.description.slice(0, afterHangUp));
  await expect(page.getByTestId('field-callerPhone')).toHaveValue(formatPhone(typing.phone));
  await page.keyboard.press('Control+End');
  await page.keyboard.type(typing.description.slice(afterHangUp));
  const first = await submitAndFetch(shift, 'pop while typing: draft brought back');
  expectRegistered(first, typing);
  expect(first.id).not.toBe(second!.id);
}
