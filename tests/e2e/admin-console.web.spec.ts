import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { AdminReferenceItem } from '../../src/shared/server-api/reference-admin';
import { login, server } from './support/central-server';
import { forbidMouse, signInIfAsked, signOut } from './support/workstation-page';

/**
 * The administrator's console in Chromium against the real central server, by keyboard alone: a
 * category with keywords, a unit, a routing rule between them, and an article written as a draft
 * and then published. What the server stored is read back from it directly.
 */
test.afterEach(({ page }) => signOut(page));

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

test('an admin adds a category with keywords, a unit, a routing rule and a published article, by keyboard only', async ({ page }) => {
  test.setTimeout(120_000);
  const mouseUsed = await forbidMouse(page);
  const n = String(Date.now()).slice(-6);
  const category = `noise.night${n}`;
  const unit = `dept:noise${n}`;
  const rule = `rule.noise${n}`;
  const article = `kb-noise${n}`;

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
  expect(mouseUsed()).toBe(false);
});
