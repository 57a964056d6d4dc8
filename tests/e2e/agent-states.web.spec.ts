import { expect, test } from '@playwright/test';
import { demoPassword } from '../../src/server/seed/demo-password';
import type { PresenceView } from '../../src/shared/contract/presence';
import type { MonitorAgent, MonitorSnapshot } from '../../src/shared/server-api/monitor';
import { agentWorkstation } from './support/agent-core';
import { login, server } from './support/central-server';
import { forbidMouse, signInIfAsked, signOut } from './support/workstation-page';

/**
 * An agent's state by keyboard: a break for a reason (Alt+B), a raised hand (Alt+H), and a lead
 * answering the hand raised longest ago with one key (Alt+Shift+H). What the screens show is
 * checked against the server's monitor snapshot.
 */
test.afterEach(({ page }) => signOut(page));

const onServer = async (username: string): Promise<MonitorAgent> => {
  const snapshot = await server<MonitorSnapshot>('GET', '/api/monitor/snapshot', undefined, await login('lead1'));
  return snapshot.agents.find((a) => a.username === username)!;
};

test('an agent takes a meal break and raises a hand by keyboard, and the lead sees both', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await signInIfAsked(page, 'agent1');
  const mouseUsed = await forbidMouse(page);
  await expect(page.getByTestId('presence')).toHaveText('空闲');

  await page.keyboard.press('Alt+B');
  const picker = page.getByTestId('picker-break');
  await expect(picker.getByRole('option')).toHaveText(['1 小休', '2 用餐', '3 培训', '4 会议', '5 质检辅导', '6 工单整理']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('presence')).toHaveText('示忙·用餐');
  await expect.poll(async () => (await onServer('agent1')).reason, { timeout: 15_000 }).toBe('meal');

  await page.keyboard.press('Alt+H');
  await expect(page.getByTestId('hand-raised')).toBeVisible();
  await expect.poll(async () => (await onServer('agent1')).helpSince !== null, { timeout: 15_000 }).toBe(true);
  expect(await onServer('agent1')).toMatchObject({ state: 'break', reason: 'meal' });

  // Lowered, and back from the break: the server follows both.
  await page.keyboard.press('Alt+H');
  await expect(page.getByTestId('hand-raised')).toHaveCount(0);
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('presence')).toHaveText('空闲');
  await expect
    .poll(async () => onServer('agent1'), { timeout: 15_000 })
    .toMatchObject({ state: 'available', reason: null, helpSince: null });
  const today = (await onServer('agent1')).today;
  expect(today.break).toBeGreaterThan(0);
  expect(mouseUsed()).toBe(false);
});

test('a lead answers the hand raised longest ago with one key; the agent is told who is coming', async ({ page }) => {
  test.setTimeout(90_000);
  const { core: agent, close: closeAgent } = agentWorkstation('HND2');
  try {
    expect(await agent.dispatch('auth.signIn', { username: 'agent2', password: demoPassword })).toMatchObject({ ok: true });
    await expect
      .poll(
        async () => {
          const status = await agent.dispatch('sync.status', {});
          return status.ok && (status.value as { connection: string }).connection;
        },
        { timeout: 120_000 },
      ) // its first sync fills the cache from the centre's thousands of open tickets
      .toBe('online');

    await page.goto('/');
    await signInIfAsked(page, 'lead1');
    const mouseUsed = await forbidMouse(page);
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('stat-open-value')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('raised-hands')).toHaveCount(0);

    // agent2's workstation raises the hand only once its live link is up, like the button would.
    await expect.poll(async () => (await agent.dispatch('presence.raiseHand', { raised: true })).ok, { timeout: 15_000 }).toBe(true);
    await expect(page.getByTestId('answer-hand-agent2')).toContainText('李强', { timeout: 15_000 });

    await page.keyboard.press('Alt+Shift+H');
    await expect(page.getByText('已应答 李强，对方会看到您正过来')).toBeVisible();
    await expect(page.getByTestId('raised-hands')).toHaveCount(0);
    await expect
      .poll(async () => {
        const current = await agent.dispatch('presence.current', {});
        return current.ok ? (current.value as PresenceView) : null;
      })
      .toMatchObject({ helpSince: null, helpAnsweredBy: '赵磊' });

    // Nobody else waits: the key says so rather than doing nothing.
    await page.keyboard.press('Alt+Shift+H');
    await expect(page.getByText(/没有应答举手/)).toBeVisible();
    expect(mouseUsed()).toBe(false);
  } finally {
    await closeAgent();
  }
});
