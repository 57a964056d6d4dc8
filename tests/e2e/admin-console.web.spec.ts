import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { proxyControlPort, proxyPort } from '../../playwright.config';
import type { AdminReferenceItem } from '../../src/shared/server-api/reference-admin';
import { type ChildProcessHandle, startChildProcess } from '../support/child-host';
import { login, server } from './support/central-server';
import { forbidMouse, signInIfAsked, signOut, typeIntake } from './support/workstation-page';

/**
 * The administrator's console in Chromium against the real central server, by keyboard alone: a
 * category with keywords, a unit, a routing rule between them, and an article written as a draft
 * and then published. What the server stored is read back from it directly. An agent's
 * workstation, running all along beside it (its own host and cache), gets all of it pushed and then,
 * with the server out of reach, suggests the category, routes by the rule and finds the article.
 */
test.afterEach(({ page }) => signOut(page));

/** Both workstations reach the server through the proxy the offline tests switch. */
const serverReach = (state: 'up' | 'down') => fetch(`http://127.0.0.1:${proxyControlPort}/${state}`, { method: 'POST' });

/** A second browser host with its own cache, and a page on it where agent2 signs in. */
async function agentWorkstation(browser: Browser): Promise<{ page: Page; host: ChildProcessHandle; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-agent-'));
  const host = await startChildProcess(
    'out/main/web.js',
    {
      HOTLINE_WEB_PORT: '0',
      HOTLINE_DATA_DIR: dataDir,
      HOTLINE_WORKSTATION_CODE: 'AGT5',
      HOTLINE_SERVER_URL: `http://127.0.0.1:${proxyPort}/`,
    },
    /on (http:\/\/127\.0\.0\.1:\d+\/)/,
  );
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  return { page, host, dataDir };
}

/** Goes from the list back to the kinds and down to the `steps`-th kind after the current one, then into its list. */
async function toKind(page: Page, steps: number, name: string) {
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('admin-kinds')).toBeFocused();
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { selected: true, name })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('admin-items')).toBeFocused();
  await expect(page.getByTestId('admin-items')).not.toContainText('正在从服务器读取');
}

/** N on the list: a new item, its code typed first. */
async function newItem(page: Page, code: string) {
  await page.keyboard.press('n');
  await expect(page.locator('#admin-field-code')).toBeFocused();
  await page.keyboard.type(code);
}

/** Types into the field after a Tab (nothing typed: the field is passed). */
async function next(page: Page, text?: string) {
  await page.keyboard.press('Tab');
  if (text) await page.keyboard.type(text);
}

async function saved(page: Page, code: string) {
  await page.keyboard.press('Control+s');
  await expect(page.getByText(new RegExp(`^已保存 ${code.replace(/\./g, '\\.')}（第 \\d+ 版）$`))).toBeVisible();
  await expect(page.getByTestId('admin-items')).toBeFocused();
}

const stored = async (kind: string, code: string, token: string) =>
  (await server<{ items: AdminReferenceItem[] }>('GET', `/api/admin/reference?kind=${kind}`, undefined, token)).items.find(
    (item) => item.entry.code === code,
  );

test('an admin adds a category with keywords, a unit, a routing rule and a published article, by keyboard only; an agent already at work gets them, offline too', async ({
  page,
  browser,
}) => {
  test.setTimeout(420_000);
  const mouseUsed = await forbidMouse(page);
  const agent = await agentWorkstation(browser);
  try {
    const agentMouseUsed = await forbidMouse(agent.page);
    await agent.page.goto(agent.host.url);
    await signInIfAsked(agent.page, 'agent2');
    await adminWork(page);
    await agentUsesIt(agent.page);
    expect(agentMouseUsed()).toBe(false);
  } finally {
    await serverReach('up');
    await agent.page.context().close();
    await agent.host.kill();
    fs.rmSync(agent.dataDir, { recursive: true, force: true });
  }
  expect(mouseUsed()).toBe(false);
});

const n = String(Date.now()).slice(-6);
const category = `noise.night${n}`;
const categoryName = `夜间施工噪音${n}`;
const unit = `dept:noise${n}`;
const unitName = `噪音执法队${n}`;
const rule = `rule.noise${n}`;
const article = `kb-noise${n}`;

async function adminWork(page: Page) {
  await page.goto('/');
  await signInIfAsked(page, 'admin');
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('pane-admin')).toBeVisible();
  await expect(page.getByTestId('admin-kinds')).toBeFocused();

  // A category in the heating group (供暖), with its time-limit class and keywords.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('admin-items')).not.toContainText('正在从服务器读取');
  await newItem(page, category);
  await next(page, `夜间施工噪音${n}`);
  await next(page, `Night construction noise ${n}`);
  await next(page, '供暖');
  await page.keyboard.press('Tab');
  await expect(page.locator('#admin-field-sla')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#admin-field-sla')).toHaveValue('general');
  await next(page, '噪音，夜间施工、扰民');
  await saved(page, category);

  // E exports the kind as the server writes it; I imports a file, checked first: a row without a name is refused by its line.
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('e')]);
  expect(download.suggestedFilename()).toBe('category.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(category);
  const [header, ...lines] = csv.replace(/^\ufeff/, '').split(/\r?\n/);
  const ours = lines.find((line) => line.startsWith(`${category},`))!;
  const unnamed = ours.replace(`夜间施工噪音${n}`, '');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('i')]);
  await chooser.setFiles({ name: 'categories.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${unnamed}\n`) });
  const refused = page.getByTestId('admin-import-issues').getByRole('row').nth(1).getByRole('cell');
  await expect(refused.first()).toHaveText('2');
  await expect(refused.nth(1)).toContainText('zh');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('admin-items')).toBeFocused();

  // A unit in Chaoyang with its duty phone.
  await toKind(page, 1, '承办单位');
  await newItem(page, unit);
  await next(page, `噪音执法队${n}`);
  await next(page, `Noise enforcement ${n}`);
  await next(page, 'department');
  await next(page, 'cy');
  await next(page); // no street
  await next(page, '010-8500 1234');
  await saved(page, unit);

  // A rule: that category in Chaoyang goes to that unit; the preview line says so once it is saved.
  await toKind(page, 1, '派单规则');
  await newItem(page, rule);
  await next(page, `夜间施工噪音${n}`);
  await next(page, 'cy');
  await next(page); // the whole district
  await next(page, `噪音执法队${n}`);
  // Before the rule is saved, the line says where it goes today (nobody, for a category this new).
  await expect(page.getByTestId('admin-routing-preview')).toHaveText(/派给/);
  await saved(page, rule);
  await expect(page.getByTestId('admin-routing-preview')).toHaveText(`这个地址和类别派给 ${unit}（依据规则 ${rule}）`);

  // An article, saved as a draft first, then published from its form.
  await toKind(page, 7, '知识库文章');
  await newItem(page, article);
  await next(page, `夜间施工噪音${n}`);
  await next(page, '夜间施工噪音怎么办');
  await next(page, 'Night construction noise');
  await next(page, '# 夜间施工\n晚上**22点**后施工须有夜间施工许可。\n- 先问工地是否有许可\n- 没有许可的登记工单');
  await expect(page.getByTestId('admin-field-bodyZh-preview').locator('strong')).toHaveText('22点');
  await next(page, 'Night work after **10 pm** needs a permit.');
  await saved(page, article);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('admin-article-status')).toHaveText('草稿');
  await page.keyboard.press('Alt+Shift+P');
  await expect(page.getByText(/^已保存 kb-noise\d+（第 \d+ 版）$/).last()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('admin-article-status')).toHaveText('已发布');
  await expect(page.getByTestId('admin-history')).toContainText('发布');
  await expect(page.getByTestId('admin-history')).toContainText('新建');
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/admin-article-zh.png' });

  const token = await login('admin');
  expect((await stored('category', category, token))?.entry.body).toMatchObject({
    parent: 'heating',
    sla: 'general',
    keywords: ['噪音', '夜间施工', '扰民'],
    active: true,
  });
  expect((await stored('unit', unit, token))?.entry.body).toMatchObject({
    type: 'department',
    districtCode: '110105',
    contact: '010-8500 1234',
  });
  expect((await stored('routingRule', rule, token))?.entry.body).toMatchObject({
    category,
    districtCode: '110105',
    target: unit,
  });
  expect((await stored('article', article, token))?.entry.body).toMatchObject({ category, status: 'published' });
}

/** The agent's workstation, signed in before the admin began: what was published reaches it, and stays with it offline. */
async function agentUsesIt(page: Page) {
  // Pushed, not polled for: the article is found by two characters while still online.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  await page.keyboard.press('Alt+k');
  await expect(page.getByTestId('picker-kb')).toBeVisible();
  await page.keyboard.type('施工');
  await expect(page.getByTestId('picker-kb').getByRole('option', { name: /^夜间施工噪音怎么办/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');

  await serverReach('down');
  await expect(page.getByTestId('connection-state')).toHaveText('服务器不可达，离线工作');

  // Offline: the description suggests the new category by its keywords; the category is picked by its name.
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  await page.keyboard.type('13700007788');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await typeIntake(page, {
    requestType: '3',
    category: categoryName,
    district: 'cy',
    street: 'js',
    address: '劲松五区12号楼',
    description: '楼下工地天天夜间施工到凌晨两点，噪音太大睡不着',
  });
  await expect(page.getByTestId('category-suggestions')).toContainText(`${categoryName} 关键词`);
  await expect(page.getByTestId('field-category')).toHaveValue(`供暖 › ${categoryName}`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/已登记工单 AGT5-\d{6}/).last()).toBeVisible();

  // Routed by the admin's rule, from the cache.
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('work-detail')).toContainText('夜间施工到凌晨两点');
  await expect(page.getByTestId('route-reason')).toContainText(`→ ${unitName}`);
  await expect(page.getByTestId('route-reason')).toContainText(rule);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/agent-offline-new-category.png' });

  // The article, offline, by another two characters.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('field-callerPhone')).toBeFocused();
  await page.keyboard.press('Alt+k');
  await page.keyboard.type('噪音');
  await expect(page.getByTestId('picker-kb').getByRole('option', { name: /^夜间施工噪音怎么办/ })).toBeVisible();
  await page.keyboard.press('Escape');
}
