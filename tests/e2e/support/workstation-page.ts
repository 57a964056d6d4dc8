import { expect, type Page } from '@playwright/test';
import { demoPassword } from '../../../src/server/seed/demo-password';

/** Signs a user (agent1 unless told) in by keyboard if the workstation asks; either way ends online. */
export async function signInIfAsked(page: Page, username = 'agent1') {
  const state = page.getByTestId('connection-state');
  await expect(state).toHaveText(/在线|未登录服务器/);
  if ((await state.textContent()) === '未登录服务器') {
    await expect(page.getByLabel('工号')).toBeFocused();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
  }
  // A first sign-in brings the centre's open work into the cache: thousands of tickets on the seeded centre.
  await expect(state).toHaveText('在线', { timeout: 60_000 });
}

/** Leaves the workstation as the shell tests expect to find it: form cleared, signed out. */
export async function signOut(page: Page) {
  await page.keyboard.press('Alt+n');
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('connection-state')).toHaveText('未登录服务器');
}

/** Fails the test if the mouse is used from here on (pointer input only; Enter on a form's submit button fires a trusted click). */
export async function forbidMouse(page: Page): Promise<() => boolean> {
  let used = false;
  await page.exposeFunction('reportMouse', () => (used = true));
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'pointerdown', 'wheel'] as const) {
      window.addEventListener(type, (event) => event.isTrusted && (window as unknown as { reportMouse(): void }).reportMouse(), true);
    }
  });
  return () => used;
}

/**
 * Fills the intake from the request type on, in Tab order, as an agent does: each picker takes
 * what is typed (a digit, pinyin initials) and Tab moves on; urgency keeps its default.
 */
export async function typeIntake(
  page: Page,
  f: { requestType: string; category?: string; district?: string; street?: string; address?: string; description: string; wants?: string },
) {
  await expect(page.getByTestId('field-requestType')).toBeFocused();
  for (const value of [f.requestType, f.category, undefined, f.district, f.street]) {
    if (value) await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('field-addressDetail')).toBeFocused();
  if (f.address) await page.keyboard.type(f.address);
  await page.keyboard.press('Enter');
  await page.keyboard.type(f.description);
  if (f.wants) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(f.wants);
  }
}

/** Opens the workstation signed in, on a fresh intake with the cursor in the caller number; returns the mouse check. */
export async function freshIntake(page: Page): Promise<() => boolean> {
  const mouseUsed = await forbidMouse(page);
  await page.goto('/');
  await signInIfAsked(page);
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  return mouseUsed;
}
