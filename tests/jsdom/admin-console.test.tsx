import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { type AdminHandle, AdminPane } from '../../src/renderer/src/admin/AdminPane';
import { createClient } from '../../src/renderer/src/api/client';
import { createI18n } from '../../src/renderer/src/i18n';
import { WorkstationProvider } from '../../src/renderer/src/shell/api-context';
import { fakeAdminServer } from './admin-fake-server';

afterEach(() => {
  cleanup();
  act(() => notifications.clean());
});

async function renderPane(server = fakeAdminServer(), locale: 'zh-CN' | 'en' = 'zh-CN') {
  const i18n = await createI18n(locale);
  const workstation = { ...createClient(server.transport), transport: server.transport };
  const handle = createRef<AdminHandle>();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <Notifications />
        <WorkstationProvider value={workstation}>
          <AdminPane handleRef={handle} active />
        </WorkstationProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId('pane-admin');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('admin-kinds')));
  return { server, user, i18n };
}

const focused = () => document.activeElement as HTMLElement;
const rows = () => within(screen.getByTestId('admin-items')).queryAllByRole('option');

/** From the kinds, down `steps` to the one named, into its (empty) list and N for a new item; the cursor lands on `field`. */
async function newIn(user: ReturnType<typeof userEvent.setup>, steps: number, kind: string, field: string) {
  for (let i = 0; i < steps; i++) await user.keyboard('{ArrowDown}');
  expect(screen.getByRole('option', { selected: true }).textContent).toBe(kind);
  await user.keyboard('{Enter}');
  await waitFor(() => expect(screen.getByText('还没有内容，按 N 新建')).toBeTruthy());
  await user.keyboard('n');
  await waitFor(() => expect(focused().id).toBe(field));
}

describe("the administrator's pane, by keyboard", () => {
  it('adds a category from the list with N, saves with Ctrl+S, opens it again with Enter and leaves an edit with Esc', async () => {
    const { server, user } = await renderPane();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));
    expect(screen.getByText('还没有内容，按 N 新建')).toBeTruthy();

    await user.keyboard('n');
    await waitFor(() => expect(focused().id).toBe('admin-field-code'));
    await user.keyboard('noise.night');
    await user.tab();
    await user.keyboard('夜间施工噪音');
    await user.tab();
    await user.keyboard('Night construction noise');
    // Past the parent (a group) and the SLA class to the keywords.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(focused().id).toBe('admin-field-keywords');
    await user.keyboard('噪音，施工、夜间');
    await user.keyboard('{Control>}s{/Control}');

    await waitFor(() => expect(server.get('category', 'noise.night')?.version).toBe(1));
    expect(server.get('category', 'noise.night')?.entry.body).toEqual({
      zh: '夜间施工噪音',
      en: 'Night construction noise',
      parent: null,
      keywords: ['噪音', '施工', '夜间'],
      active: true,
    });
    expect(await screen.findByText('已保存 noise.night（第 1 版）')).toBeTruthy();
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));
    expect(rows().map((r) => r.textContent)).toEqual(['noise.night 夜间施工噪音admin.test 修改 · 第 1 版']);

    // Enter opens it with the cursor in its first field (the code cannot change); Esc leaves unsaved.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused().id).toBe('admin-field-zh'));
    expect((screen.getByTestId('admin-field-code') as HTMLInputElement).readOnly).toBe(true);
    await user.keyboard('改了没存');
    expect(screen.getByTestId('admin-dirty')).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));
    expect(screen.getByTestId('admin-form-empty')).toBeTruthy();
    expect(server.get('category', 'noise.night')?.version).toBe(1);
  }, 30_000);

  it('filters the list as the admin types, moves with the arrows and saves with Alt+Enter', async () => {
    const server = fakeAdminServer();
    const categories: [string, string][] = [
      ['water', '供水'],
      ['heating', '供暖'],
      ['noise', '噪音'],
    ];
    for (const [code, zh] of categories) server.saveElsewhere({ kind: 'category', code, body: { zh, en: code, parent: null } });
    const { user } = await renderPane(server);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(3));
    // Any letter but the list's own keys starts the filter.
    await user.keyboard('h');
    expect(focused()).toBe(screen.getByTestId('admin-items-filter'));
    await user.keyboard('ea');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.keyboard('{Escape}');
    expect(rows()).toHaveLength(3);
    expect(focused()).toBe(screen.getByTestId('admin-items'));
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(focused().id).toBe('admin-field-zh'));
    expect((screen.getByTestId('admin-field-code') as HTMLInputElement).value).toBe('noise');
    await user.keyboard('{End}（夜间）{Alt>}{Enter}{/Alt}');
    await waitFor(() => expect(server.get('category', 'noise')?.entry.body).toMatchObject({ zh: '噪音（夜间）' }));
  });

  it('says someone else saved the item meanwhile, keeps it as they saved it and reloads it on Enter', async () => {
    const server = fakeAdminServer();
    server.saveElsewhere({ kind: 'unit', code: 'u-water', body: { zh: '自来水公司', en: 'Waterworks', type: 'company' } });
    const { user, i18n } = await renderPane(server);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(1));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused().id).toBe('admin-field-zh'));
    server.saveElsewhere({ kind: 'unit', code: 'u-water', body: { zh: '北京自来水集团', en: 'Beijing Waterworks', type: 'company' } });
    await user.keyboard('{End}（总部）{Control>}s{/Control}');

    const conflict = await screen.findByTestId('admin-conflict');
    expect(conflict.textContent).toContain('别人已经修改了这一项');
    expect(conflict.textContent).toContain('你的修改没有保存');
    expect((await screen.findByTestId('admin-conflict-who')).textContent).toMatch(/^other\.admin 在 .+ 保存了第 2 版。$/);
    expect(server.get('unit', 'u-water')?.entry.body).toMatchObject({ zh: '北京自来水集团' });
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-conflict-reload')));
    await user.keyboard('{Enter}');
    await waitFor(() => expect((screen.getByTestId('admin-field-zh') as HTMLInputElement).value).toBe('北京自来水集团'));
    expect(screen.queryByTestId('admin-conflict')).toBeNull();
    expect(within(screen.getByTestId('admin-form')).getByText('第 2 版')).toBeTruthy();

    await act(() => i18n.changeLanguage('en'));
    server.saveElsewhere({ kind: 'unit', code: 'u-water', body: { zh: '北京自来水集团', en: 'Waterworks Group', type: 'company' } });
    await user.click(screen.getByTestId('admin-field-zh'));
    await user.keyboard('!{Control>}s{/Control}');
    expect((await screen.findByTestId('admin-conflict')).textContent).toContain('Someone else changed this item');
  });

  it('writes an article as a draft with a safe preview, publishes it with Alt+Shift+P and lists who did what when', async () => {
    const { server, user } = await renderPane();
    server.saveElsewhere({
      kind: 'category',
      code: 'heating',
      body: { zh: '供暖', en: 'Heating', parent: null, pinyin: 'gongnuan', initials: 'gn' },
    });
    await newIn(user, 9, '知识库文章', 'admin-field-code');
    await user.keyboard('kb-heating');
    await user.tab();
    expect(focused().id).toBe('admin-field-category');
    // Typed and left with Tab, the field takes the best match (the choices are read from the server).
    await user.keyboard('gn{Tab}');
    expect(focused().id).toBe('admin-field-titleZh');
    await user.keyboard('室温标准');
    await user.tab();
    await user.keyboard('Room temperature');
    await user.tab();
    // Pasted, as articles are written elsewhere and brought in.
    await user.paste('# 标准\n室温**不低于18℃**。<script>window.pwned=1</script>[点](javascript:alert(1))');
    const preview = screen.getByTestId('admin-field-bodyZh-preview');
    expect(preview.querySelector('h3')?.textContent).toBe('标准');
    expect(preview.querySelector('strong')?.textContent).toBe('不低于18℃');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.querySelector('a')).toBeNull();
    await user.tab();
    await user.paste('Not below 18 C.');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(server.get('article', 'kb-heating')?.entry.body).toMatchObject({ category: 'heating', status: 'draft' }));

    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused().id).toBe('admin-field-category'));
    expect(screen.getByTestId('admin-article-status').textContent).toBe('草稿');
    await user.keyboard('{Alt>}{Shift>}P{/Shift}{/Alt}');
    await waitFor(() => expect(server.get('article', 'kb-heating')?.entry.body).toMatchObject({ status: 'published' }));
    await waitFor(() => expect(within(screen.getByTestId('admin-history')).getAllByRole('row')).toHaveLength(3));
    const [newest, first] = within(screen.getByTestId('admin-history')).getAllByRole('row').slice(1);
    expect(newest!.textContent).toContain('发布');
    expect(newest!.textContent).toContain('admin.test');
    expect(newest!.textContent).toContain('状态');
    expect(first!.textContent).toContain('新建');
  }, 30_000);

  it('shows the routing preview line for a rule as it is typed', async () => {
    const server = fakeAdminServer();
    server.saveElsewhere({ kind: 'category', code: 'water', body: { zh: '停水', en: 'Water outage', parent: null } });
    const { user } = await renderPane(server);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByText('还没有内容，按 N 新建')).toBeTruthy());
    await user.keyboard('n');
    expect((await screen.findByTestId('admin-routing-preview')).textContent).toBe('选择分类后，这里显示派单结果。');
    await user.tab();
    await user.keyboard('停水{Tab}');
    await waitFor(() =>
      expect(screen.getByTestId('admin-routing-preview').textContent).toBe(
        '这个地址和类别派给 u-chaoyang-water，协办 u-gas（依据规则 r-water）',
      ),
    );
    expect(server.calls.find((c) => c.call === 'admin.routingPreview')?.input).toEqual({ category: 'water' });
  });

  it('checks an imported file first: the refused rows by line, or a summary that Enter applies', async () => {
    const { server, user } = await renderPane();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));
    const input = screen.getByTestId('admin-import-file') as HTMLInputElement;
    await user.upload(input, new File(['code,zh,en\nwater,供水,Water\nheat,,Heating\n'], 'categories.csv', { type: 'text/csv' }));
    const issues = await screen.findByTestId('admin-import-issues');
    expect(within(issues).getAllByRole('row')[1]!.textContent).toBe('3zh: a name is required');
    expect(screen.getByText(/一行也没有写入/)).toBeTruthy();
    await user.keyboard('{Escape}');

    await user.upload(input, new File(['code,zh,en\nwater,供水,Water\nheat,供暖,Heating\n'], 'categories.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('admin-import-summary')).textContent).toBe(
      '共 2 行：新增 2，修改 0，不变 0。按 Enter 导入，Esc 取消。',
    );
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-import-apply')));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('已导入：新增 2，修改 0')).toBeTruthy();
    expect(server.calls.filter((c) => c.call === 'admin.importCsv').map((c) => (c.input as { apply: boolean }).apply)).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('issues an Open311 key shown once, and revokes it from its row', async () => {
    const { user } = await renderPane();
    // Up from the first kind wraps to the last: the Open311 keys.
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Open311 密钥');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText('还没有内容，按 N 新建')).toBeTruthy());
    await user.keyboard('n');
    await waitFor(() => expect(focused().id).toBe('admin-name'));
    await user.keyboard('city-app{Control>}s{/Control}');
    expect((await screen.findByTestId('admin-secret-value')).textContent).toBe('o311_key-1_secret');
    expect(screen.getByTestId('admin-secret').textContent).toContain('只显示这一次');
    // The cursor is on the key, not on Revoke: an Enter now keeps it.
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-secret-value')));
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('admin-secret-value').textContent).toBe('o311_key-1_secret');
    await waitFor(() => expect(rows().map((r) => r.textContent?.startsWith('city-app'))).toEqual([true]));

    // Opened again, the key itself is not there to read: only revoking it is.
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('admin-secret')).toBeNull();
    screen.getByTestId('admin-items').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-revoke')));
    expect(screen.queryByTestId('admin-secret')).toBeNull();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('密钥已吊销')).toBeTruthy();
    await waitFor(() => expect(rows()[0]!.textContent).toContain('已吊销'));
  });

  it('creates a user and then changes their role and disables them, by keyboard', async () => {
    const { server, user } = await renderPane();
    await newIn(user, 10, '用户', 'admin-user-username');
    await user.keyboard('lead.wang{Tab}王磊{Tab}');
    await user.paste('first-password-1');
    await user.tab();
    // jsdom has no type-ahead in a <select>: the option is chosen on the focused one (a browser takes L).
    await user.selectOptions(focused(), 'lead');
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByText('已新建用户 lead.wang')).toBeTruthy();
    expect([...server.users.values()]).toMatchObject([{ username: 'lead.wang', displayName: '王磊', role: 'lead', unitCode: null }]);
    await waitFor(() => expect(focused()).toBe(screen.getByTestId('admin-items')));

    await user.keyboard('{Enter}');
    await waitFor(() => expect(focused().id).toBe('admin-user-role'));
    await user.selectOptions(focused(), 'admin');
    await user.keyboard('{Tab}{Tab} {Alt>}{Enter}{/Alt}');
    expect(await screen.findByText('已修改 lead.wang，已退出 2 个会话')).toBeTruthy();
    expect(server.calls.find((c) => c.call === 'admin.changeUser')?.input).toMatchObject({ change: { role: 'admin', disabled: true } });
  });
});
