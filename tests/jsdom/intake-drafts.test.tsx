import { createRef } from 'react';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { newId } from '../../src/shared/domain/ids';
import { type IntakeHandle, IntakePane } from '../../src/renderer/src/call-screen/IntakePane';
import { renderApp } from './render-app';
import { openTestCore, renderOnCore } from './render-on-core';

let core: Core | undefined;
afterEach(async () => {
  cleanup();
  await core?.close();
});

const intakeDrafts = async (app: Core) => {
  const listed = await app.dispatch('drafts.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as { kind: string; body: Record<string, unknown> }[]).filter((d) => d.kind === 'intake');
};

// The whole app on a real core: on the shared 2-core machine a test takes 10-20 s.
describe('intake drafts', () => {
  it('tells the agent while the draft cannot be saved, and stops once it is saved again', async () => {
    const app = await renderApp();
    core = app.core;
    const description = (await screen.findByTestId('field-description')) as HTMLTextAreaElement;
    await app.user.click(description);
    // More than a draft field holds (8,000 characters): the core refuses to save it.
    await app.user.paste('水'.repeat(8001));
    expect(
      await screen.findByText('草稿没有保存，关闭窗口会丢失刚才输入的内容：输入有误，未做任何修改。', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(await intakeDrafts(app.core)).toEqual([]);

    await app.user.clear(description);
    await app.user.keyboard('路灯坏了');
    await waitFor(async () => expect(await intakeDrafts(app.core)).toMatchObject([{ body: { description: '路灯坏了' } }]));
    await waitFor(() => expect(screen.queryByText(/^草稿没有保存/)).toBeNull());
  }, 40_000);

  it('brings the newest intake draft back, under its own id, when the pane opens again', async () => {
    core = await openTestCore();
    const id = newId();
    const saved = await core.dispatch('drafts.save', { id, kind: 'intake', body: { callerPhone: '13800138000', description: '暖气不热' } });
    expect(saved.ok).toBe(true);
    const handle = createRef<IntakeHandle>();
    await renderOnCore(core, <IntakePane call={null} popOnAnswer={false} handleRef={handle} />);
    await waitFor(() => expect((screen.getByTestId('field-description') as HTMLTextAreaElement).value).toBe('暖气不热'));
    expect((screen.getByTestId('field-callerPhone') as HTMLInputElement).value).toBe('13800138000');
    expect(screen.getByTestId('draft-saved').textContent).toMatch(/^草稿已保存/);
    // Typing on goes on in the same draft, not a second one.
    await waitFor(async () => expect(await intakeDrafts(core!)).toHaveLength(1));
  }, 40_000);
});
