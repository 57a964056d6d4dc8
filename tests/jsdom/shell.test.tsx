import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { actions } from '../../src/renderer/src/shell/actions';
import { intakeFields } from '../support/fixtures';
import { renderApp } from './render-app';

let core: Core | undefined;
afterEach(() => core?.close());

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
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
  });

  it('moves between panes with Alt+digit', async () => {
    const app = await renderApp();
    core = app.core;
    expect(await screen.findByTestId('pane-intake')).toBeTruthy();
    await app.user.keyboard('{Alt>}4{/Alt}');
    expect(await screen.findByTestId('pane-monitor')).toBeTruthy();
    await app.user.keyboard('{Alt>}2{/Alt}');
    expect(await screen.findByTestId('pane-history')).toBeTruthy();
  });

  it('shows the outbox growing when the core saves a ticket', async () => {
    const app = await renderApp();
    core = app.core;
    await screen.findByText('未配置服务器，本机独立工作');
    await app.core.dispatch('tickets.create', { fields: intakeFields });
    await waitFor(() => expect(screen.getByTestId('outbox-size').textContent).toBe('待同步 1 条'));
  });
});
