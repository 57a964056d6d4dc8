import { notifications } from '@mantine/notifications';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { NoticeForm } from '../../src/renderer/src/monitor/NoticeForm';
import { RatesTable } from '../../src/renderer/src/monitor/RatesTable';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  act(() => notifications.clean());
  await core?.close();
});

// A workstation with no central server: every monitor call is refused as unavailable.
describe('monitor panels when the server cannot answer', () => {
  it('keeps the notice and says it was not sent, in either language', async () => {
    core = await openTestCore();
    const user = userEvent.setup();
    const { i18n } = await renderOnCore(core, <NoticeForm />);
    const text = screen.getByTestId('notice-text') as HTMLInputElement;
    await user.click(text);
    await user.keyboard('十点开班会{Enter}');
    expect(await screen.findByText('公告没有发布：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    expect(text.value).toBe('十点开班会');
    expect(screen.queryByText('公告已发布')).toBeNull();

    act(() => notifications.clean());
    await act(() => i18n.changeLanguage('en'));
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The notice was not sent: The workstation core cannot be reached; try again shortly.')).toBeTruthy();
  });

  it('says the rates and their export could not be had instead of failing without a word', async () => {
    core = await openTestCore();
    const user = userEvent.setup();
    await renderOnCore(core, <RatesTable name={(code) => code ?? '—'} />);
    await user.click(screen.getByTestId('rates-show'));
    expect(await screen.findByText('指标没有取到：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
    await user.click(screen.getByTestId('rates-export'));
    expect(await screen.findByText('指标没有导出：工作站核心暂时无法连接，请稍后重试。')).toBeTruthy();
  });
});
