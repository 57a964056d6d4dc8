import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { currentSyncStatus } from '../../src/main/handlers/sync';
import { applyPushResults } from '../../src/main/store/sync-store';
import type { Refusal } from '../../src/shared/domain/refusal';
import { actions } from '../../src/renderer/src/shell/actions';
import { intakeFields } from '../support/fixtures';
import { rememberVerifier } from '../../src/main/store/credential-store';
import { testAgent, testPassword } from '../support/sign-in';
import { renderApp } from './render-app';

let core: Core | undefined;

// The shell keeps hidden panes mounted, so being in the document says nothing about being shown.
const shownPanes = () =>
  [...document.querySelectorAll('[data-testid^="pane-"]')]
    .filter((pane) => !pane.closest('[hidden]'))
    .map((pane) => pane.getAttribute('data-testid'));
// Unmount first: a draft save still waiting when the form goes away must find the core open.
afterEach(async () => {
  cleanup();
  await core?.close();
});

describe('workstation shell', () => {
  it('starts in Chinese with an honest status bar', async () => {
    const app = await renderApp();
    core = app.core;
    expect(await screen.findByRole('heading', { name: '12345 热线坐席工作台' })).toBeTruthy();
    expect(await screen.findByText('未配置服务器，本机独立工作')).toBeTruthy();
    expect(screen.getByTestId('outbox-size').textContent).toBe('待同步 0 条');
    expect(screen.getByTestId('last-sync').textContent).toBe('上次同步：从未');
    expect(await screen.findByText('工位 K7Q2')).toBeTruthy();
  });

  it('switches language with Alt+L and the core remembers it', async () => {
    const app = await renderApp();
    core = app.core;
    await screen.findByText('未配置服务器，本机独立工作');
    await app.user.keyboard('{Alt>}l{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Hotline Workstation' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(async () => expect(await app.core.dispatch('settings.get', {})).toMatchObject({ value: { locale: 'en' } }));
    await app.user.keyboard('{Alt>}l{/Alt}');
    expect(await screen.findByRole('heading', { name: '12345 热线坐席工作台' })).toBeTruthy();
  });

  it('lists every action with its keys on F1', async () => {
    const app = await renderApp();
    core = app.core;
    await app.user.keyboard('{F1}');
    const help = await screen.findByTestId('shortcut-help');
    const rows = within(help).getAllByRole('row');
    expect(rows).toHaveLength(actions.length + 1);
    expect(within(help).getByText('切换语言')).toBeTruthy();
    expect(within(help).getByText('Alt + L')).toBeTruthy();
    // Then the keys of the monitor's lists, which work on their selected row only.
    const listHelp = screen.getByTestId('list-key-help-riskLists');
    expect(within(listHelp).getByRole('columnheader', { name: '即将超时、已超时列表中（选中一行）' })).toBeTruthy();
    expect(within(listHelp).getByRole('row', { name: '督办所选工单的承办单位 U' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
  });

  it('moves between panes with Alt+digit', async () => {
    const app = await renderApp();
    core = app.core;
    await screen.findByTestId('pane-intake');
    await waitFor(() => expect(shownPanes()).toEqual(['pane-intake']));
    // Alt+4 first, so each later key has to move away from a pane that is not its own.
    for (const [key, pane] of [
      ['4', 'monitor'],
      ['2', 'history'],
      ['3', 'routing'],
      ['1', 'intake'],
      ['2', 'history'],
    ] as const) {
      await app.user.keyboard(`{Alt>}${key}{/Alt}`);
      await waitFor(() => expect(shownPanes(), `Alt+${key}`).toEqual([`pane-${pane}`]));
    }
    // The administrator's pane is not an agent's: not in the navigation, and Alt+5 leaves the pane as it is.
    expect(screen.queryByRole('link', { name: /管理/ })).toBeNull();
    await app.user.keyboard('{Alt>}5{/Alt}');
    expect(shownPanes()).toEqual(['pane-history']);
    expect(screen.queryByTestId('pane-admin')).toBeNull();
  });

  it('shows the outbox growing when the core saves a ticket', async () => {
    const app = await renderApp();
    core = app.core;
    await screen.findByText('未配置服务器，本机独立工作');
    await app.core.dispatch('tickets.create', { fields: intakeFields });
    await waitFor(() => expect(screen.getByTestId('outbox-size').textContent).toBe('待同步 1 条'));
  });
});

describe('refused changes', () => {
  it('shows how many the server refused, lists them with refusals on Alt+R, and lets the agent dismiss them by keyboard', async () => {
    const app = await renderApp();
    core = app.core;
    // No waiting for the first load: a pushed status must win over a load still under way.
    const created = await app.core.dispatch('tickets.create', { fields: intakeFields });
    if (!created.ok) throw new Error('create failed');
    const eventId = (app.core.db.prepare(`SELECT id FROM ticket_events LIMIT 1`).get() as { id: string }).id;
    // What the sync engine records when the server answers "rejected".
    const refusal: Refusal = { code: 'field_conflict', params: { fields: ['callerWants', 'description'], actor: 'agent2' } };
    applyPushResults(app.core.db, [{ id: eventId, status: 'rejected', refusal }]);
    app.core.bus.emit('sync.status', currentSyncStatus(app.core.db, null));

    expect(await screen.findByTestId('rejected-count')).toBeTruthy();
    expect(screen.getByTestId('rejected-count').textContent).toBe('1 条修改被拒绝');
    await app.user.keyboard('{Alt>}r{/Alt}');
    const table = await screen.findByTestId('rejections');
    const reason = within(table).getByText('工单已被他人修改：agent2 在您打开工单后改了“市民诉求”、“诉求描述”。请查看最新内容后重新修改。');
    expect(reason.dataset.code).toBe('field_conflict');
    const dismiss = within(table).getByRole('button', { name: '已处理' });
    dismiss.focus();
    await app.user.keyboard('{Enter}');
    expect(await screen.findByText('没有被拒绝的修改。')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('rejected-count')).toBeNull());
  });

  it('shows no pane while nobody is signed in, asks for the password, and draws the panes afresh once signed in', async () => {
    const app = await renderApp({ signedIn: false });
    core = app.core;
    // This agent signed in here on an earlier shift; with no server, the password is checked against that.
    await rememberVerifier(app.core.db, testAgent, testPassword, new Date());
    expect(await screen.findByTestId('signed-out')).toBeTruthy();
    expect(screen.queryByTestId('field-callerPhone')).toBeNull();
    const username = await screen.findByLabelText(/工号/);
    await waitFor(() => expect(document.activeElement).toBe(username));
    await app.user.keyboard(`${testAgent.username}{Tab}${testPassword}{Enter}`);
    // The password is checked by scrypt (a tenth of a second here, seconds on a busy machine): wait for the outcome, not for a second.
    expect(await screen.findByTestId('field-callerPhone', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('signed-out')).toBeNull();
    expect(await screen.findByTestId('signed-in-user')).toBeTruthy();

    await app.user.keyboard('{Alt>}o{/Alt}');
    expect(await screen.findByTestId('signed-out')).toBeTruthy();
    expect(screen.queryByTestId('field-callerPhone')).toBeNull();
  });
});
