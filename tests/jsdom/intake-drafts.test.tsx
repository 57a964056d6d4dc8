import { createRef } from 'react';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { recordCall } from '../../src/main/store/calls-store';
import { newId } from '../../src/shared/domain/ids';
import { formatPhone } from '../../src/shared/domain/phone';
import type { Call } from '../../src/shared/server-api/cti';
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
  return (listed.value as { id: string; kind: string; body: Record<string, unknown>; parkedAt: string | null }[]).filter(
    (d) => d.kind === 'intake',
  );
};

const answered = (id: string, from: string): Call => {
  const at = new Date().toISOString();
  return {
    id,
    direction: 'in',
    from,
    to: '12345',
    queue: null,
    state: 'answered',
    users: ['agent.test'],
    answeredBy: 'agent.test',
    cause: null,
    startedAt: at,
    answeredAt: at,
    endedAt: null,
  };
};

const field = (name: string) => screen.getByTestId(`field-${name}`) as HTMLInputElement;

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

  it('brings the draft that was in the form back, under its own id, when the pane opens again', async () => {
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

  it('keeps the draft being typed when a call pops, and the drafts list brings it back by keyboard', async () => {
    const app = await renderApp();
    core = app.core;
    await app.user.click(await screen.findByTestId('field-callerPhone'));
    await app.user.keyboard('13800138000');
    await app.user.click(field('description'));
    await app.user.keyboard('小区暖气不热，室温只有十六度');

    // The next call pops in the middle of the sentence.
    app.core.bus.emit('calls.changed', recordCall(app.core.db, answered('call-2', '13911112222')));
    await waitFor(() => expect(field('callerPhone').value).toBe(formatPhone('13911112222')));
    expect(field('description').value).toBe('');
    // Nothing was lost, the agent is told where it went, and it is parked, not in the form.
    expect(await screen.findByText('13800138000 的草稿已放进草稿列表，按 Alt + Shift + D 找回')).toBeTruthy();
    await waitFor(async () =>
      expect(await intakeDrafts(app.core)).toContainEqual(
        expect.objectContaining({
          body: expect.objectContaining({ description: '小区暖气不热，室温只有十六度' }),
          parkedAt: expect.any(String),
        }),
      ),
    );

    await app.user.keyboard('{Alt>}{Shift>}D{/Shift}{/Alt}');
    const list = await screen.findByTestId('drafts-list');
    const options = within(list).getAllByRole('option');
    // Newest first: the popped call's intake (in the form), then the parked one with its first words.
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringMatching(new RegExp(`^${formatPhone('13911112222')} · .* · 在表单中（还没有填写描述）$`)),
      expect.stringMatching(/^13800138000 · .*小区暖气不热，室温只有十六度$/),
    ]);
    await app.user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(field('description').value).toBe('小区暖气不热，室温只有十六度'));
    expect(field('callerPhone').value).toBe('13800138000');
    await waitFor(() => expect(document.activeElement).toBe(field('description')));
    // Typing goes on in the draft brought back; the popped call's intake is parked in its place.
    await app.user.keyboard('。');
    await waitFor(async () => {
      const drafts = await intakeDrafts(app.core);
      expect(drafts.find((d) => d.body.callerPhone === '13800138000')).toMatchObject({
        body: { description: '小区暖气不热，室温只有十六度。' },
        parkedAt: null,
      });
      expect(drafts.find((d) => d.body.callId === 'call-2')).toMatchObject({ parkedAt: expect.any(String) });
    });
  }, 60_000);

  it("restores only the current call's draft, or with no call the draft that was in the form, never another caller's", async () => {
    core = await openTestCore();
    const save = async (body: Record<string, string>, parked: boolean) => {
      const id = newId();
      expect(await core!.dispatch('drafts.save', { id, kind: 'intake', body, parked })).toMatchObject({ ok: true });
      return id;
    };
    await save({ callerPhone: '13800138000', callId: 'call-1', description: '楼道灯不亮' }, true);
    await save({ callerPhone: '13911112222', description: '噪音扰民' }, false);
    // Newer, but parked: with no call, the draft that was in the form comes back, not this one.
    await save({ callerPhone: '13700001111', description: '井盖丢失' }, true);
    const handle = createRef<IntakeHandle>();
    const view = await renderOnCore(core, <IntakePane call={null} popOnAnswer={false} handleRef={handle} />);
    await waitFor(() => expect(field('description').value).toBe('噪音扰民'));
    expect(field('callerPhone').value).toBe('13911112222');
    // Saved again as the one in the form, it is the newest draft of all now.
    await waitFor(async () => expect((await intakeDrafts(core!))[0]).toMatchObject({ body: { description: '噪音扰民' } }));
    view.unmount();

    // On call-1 (a window opened mid-call): that call's draft, never the newer one of another caller.
    recordCall(core.db, answered('call-1', '13800138000'));
    await renderOnCore(core, <IntakePane call={null} popOnAnswer={false} handleRef={handle} />);
    await waitFor(() => expect(field('description').value).toBe('楼道灯不亮'));
    expect(field('callerPhone').value).toBe('13800138000');
  }, 60_000);

  it('writes the draft while typing goes on, without waiting for a pause', async () => {
    const app = await renderApp();
    core = app.core;
    await app.user.click(await screen.findByTestId('field-description'));
    const text = '小区东门外的路灯连续三个晚上不亮，希望尽快修好';
    const stored = () =>
      (app.core.db.prepare(`SELECT json_extract(body, '$.description') AS d FROM drafts`).get() as { d: string } | undefined)?.d ?? '';
    const seen = new Set<string>();
    // Key after key with no pause at all: a debounce waiting for one would write nothing until the end.
    for (const ch of text) {
      await app.user.keyboard(ch);
      seen.add(stored());
    }
    const partial = [...seen].filter((d) => d !== '' && d !== text);
    expect(partial.every((d) => text.startsWith(d))).toBe(true);
    expect(partial.length).toBeGreaterThanOrEqual(5);
    await waitFor(() => expect(stored()).toBe(text));
  }, 120_000);
});
