import { notifications } from '@mantine/notifications';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { newId } from '../../src/shared/domain/ids';
import { useCall } from '../../src/renderer/src/api/use-call';
import { openTestCore, renderHookOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  // Mantine keeps its notices in one store per page: each test starts with none.
  act(() => notifications.clean());
  await core?.close();
});

const draftFailure = '草稿没有保存，关闭窗口会丢失刚才输入的内容：输入有误，未做任何修改。';

describe('useCall', () => {
  it("says what did not happen and why in the agent's language, and answers undefined", async () => {
    core = await openTestCore();
    const { result, api, i18n } = await renderHookOnCore(core, () => useCall());
    const followUnknown = () => api.tickets.followUp({ id: newId(), draftId: newId() });
    let answer: unknown = 'not yet';
    await act(async () => {
      answer = await result.current(followUnknown, { failure: 'followUp' });
    });
    expect(answer).toBeUndefined();
    expect(await screen.findByText('没有追加到工单：没有找到。')).toBeTruthy();

    act(() => notifications.clean());
    await act(() => i18n.changeLanguage('en'));
    await act(() => result.current(followUnknown, { failure: 'followUp' }));
    expect(await screen.findByText('The call was not added to the ticket: Not found.')).toBeTruthy();
  });

  it('leaves a refusal for nobody signed in to the shell when the call ran by itself, and says it when the agent asked', async () => {
    core = await openTestCore({ signedIn: false });
    const { result, api } = await renderHookOnCore(core, () => useCall());
    await act(async () => {
      expect(await result.current(() => api.tickets.recent({}), { failure: 'lookUpCaller', background: true })).toBeUndefined();
    });
    await act(() => result.current(() => api.tickets.recent({}), { failure: 'createTicket' }));
    // Shown after the first: had the first been shown, it would be on screen by now.
    expect(await screen.findByText('工单没有登记：本机尚未登录：请先登录（Alt+I），再查看或登记工单。')).toBeTruthy();
    expect(screen.queryByText(/^来电人历史没有加载/)).toBeNull();
  });

  it('shows a refusal once however often it comes, keeps a sticky one until the same call works, then says it is done', async () => {
    core = await openTestCore();
    const { result, api } = await renderHookOnCore(core, () => useCall());
    const id = newId();
    const save = (description: string) => () => api.drafts.save({ id, kind: 'intake', body: { description } });
    // A draft field holds at most 8,000 characters: the core refuses this one.
    for (let i = 0; i < 3; i++) await act(() => result.current(save('水'.repeat(8001)), { failure: 'saveDraft', sticky: true }));
    expect(await screen.findByText(draftFailure)).toBeTruthy();
    expect(screen.getAllByText(draftFailure)).toHaveLength(1);

    let saved: { savedAt: string } | undefined;
    await act(async () => {
      saved = await result.current(save('路灯坏了'), { failure: 'saveDraft', sticky: true, done: () => '已保存' });
    });
    expect(saved?.savedAt).toMatch(/^\d{4}-/);
    expect(await screen.findByText('已保存')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(draftFailure)).toBeNull());
    expect(await core.dispatch('drafts.get', { id })).toMatchObject({ ok: true, value: { body: { description: '路灯坏了' } } });
  });

  it('lets the caller show a failure where it belongs instead, and names an unexpected error', async () => {
    core = await openTestCore();
    const { result, api } = await renderHookOnCore(core, () => useCall());
    const handled: string[] = [];
    await act(() =>
      result.current(() => api.drafts.save({ id: 'not-an-id', kind: 'intake', body: {} }), {
        failure: 'saveDraft',
        handle: (error) => handled.push(error.code) > 0,
      }),
    );
    expect(handled).toEqual(['invalid_input']);
    await act(() => result.current(() => Promise.reject(new Error('the wire broke')), { failure: 'loadRates' }));
    expect(await screen.findByText('指标没有取到：出现意外错误（Error: the wire broke），请重试；再次出现请联系管理员。')).toBeTruthy();
    expect(screen.queryByText(/^草稿没有保存/)).toBeNull();
  });
});
